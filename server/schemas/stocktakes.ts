import { z } from "zod";
import { wholeNumber } from "./numbers";
import { isCountryCode } from "./countries";
import { assessmentValues, attributionStatuses, categoryCodes, confidenceLevels, evidenceTypes, implementationStatuses } from "./vocabulary";
import { LOCALES } from "../i18n/locales";

const isoDate = (what: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${what} as a date (YYYY-MM-DD).`).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), `Enter a real ${what}.`);
const year = z.number({ error: "Enter a year." }).int("Enter a year.").min(2015, "Stock-takes start in 2015.").max(2100, "Enter a year before 2100.");
const httpUrl = z
  .string()
  .trim()
  .url("Enter a full web address, starting with https://.")
  .refine((u) => /^https?:\/\//i.test(u), "Links must start with http:// or https://.");

export const yearInput = z.strictObject({ year });

/** An organisation, by slug: its statements and replies on its page. */
export const organizationStocktakeInput = z.strictObject({ slug: z.string().min(1).max(120) });
export const revisionInput = z.strictObject({
  year,
  revision: wholeNumber("The revision").optional(),
  // The language of the PDF wanted (the report's fixed text; the snapshot is the same in all).
  language: z.enum(LOCALES, { error: "Choose one of the forum's languages: ar, zh, en, fr, ru or es." }).optional(),
});

/**
 * The most forum norms one stock-take covers, chosen or by default: a report readers can take in,
 * and figures, a snapshot and a PDF whose cost has a bound however large the forum grows
 * (docs/performance.md).
 */
export const STOCKTAKE_MAX_NORMS = 500;

export const openStocktakeInput = z
  .strictObject({
    year,
    opensOn: isoDate("opening date"),
    closesOn: isoDate("closing date"),
    // Absent: the norms in endorsement or concluded, the most-positioned first if there are more
    // than the bound (coverableNorms in server/domain/stocktakes.ts), and every reference norm.
    normIds: z.array(z.uuid()).max(STOCKTAKE_MAX_NORMS, `A stock-take covers at most ${STOCKTAKE_MAX_NORMS} forum norms.`).optional(),
    referenceNormIds: z.array(z.string().min(1).max(40)).max(200).optional(),
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ["closesOn"], message: "The window must close on or after the day it opens." });

export const narrativeInput = z.strictObject({
  year,
  summary: z.string().trim().max(20_000, "The summary must be 20,000 characters or fewer."),
  categories: z.strictObject(
    Object.fromEntries(categoryCodes.map((c) => [c, z.string().trim().max(20_000, `Section ${c} must be 20,000 characters or fewer.`)])) as Record<
      (typeof categoryCodes)[number],
      z.ZodString
    >,
  ),
});

export const statementInput = z.strictObject({
  year,
  itemId: z.uuid(),
  organizationId: z.uuid({ error: "Choose the organisation this statement is for." }),
  status: z.enum(implementationStatuses, { error: "Choose implemented, partially, not yet or no information." }),
  text: z.string().trim().max(5000, "The statement must be 5,000 characters or fewer.").default(""),
  links: z.array(httpUrl).max(10, "Give at most 10 links.").default([]),
});

export const statementFormInput = z.strictObject({ year });

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max.toLocaleString("en")} characters or fewer.`)
    .optional()
    .transform((v) => v || undefined);

/** An actor an observation names (codebook v1): a forum organisation, a state by ISO code, or unattributed. */
export const observationActorInput = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("organization"), organizationId: z.uuid({ error: "Choose an organisation of the forum." }) }),
    z.strictObject({
      kind: z.literal("state"),
      country: z
        .string()
        .trim()
        .toUpperCase()
        .refine((c) => isCountryCode(c), "Choose a state by its ISO 3166-1 code (for example FR)."),
    }),
    z.strictObject({ kind: z.literal("unattributed"), label: optionalText(200, "The description of an unattributed actor") }),
  ],
  { error: "Choose a forum organisation, a state or unattributed for each actor." },
);

export const observationSourceInput = z.strictObject({
  url: httpUrl,
  archiveUrl: z
    .union([z.literal(""), httpUrl])
    .optional()
    .transform((v) => v || undefined),
});

// An observation coded under the current codebook (server/codebook, v1).
export const observationInput = z
  .strictObject({
    year,
    title: z.string().trim().min(5, "Give the observation a short title (at least 5 characters).").max(200, "The title must be 200 characters or fewer."),
    description: z.string().trim().min(20, "Describe what happened in at least 20 characters.").max(10_000, "The description must be 10,000 characters or fewer."),
    occurredOn: isoDate("date it happened"),
    occurredUntil: z
      .union([z.literal(""), isoDate("last day of the period")])
      .optional()
      .transform((v) => v || undefined),
    actors: z.array(observationActorInput).min(1, "Name at least one actor: a forum organisation, a state or unattributed.").max(20, "Name at most 20 actors."),
    attributionStatus: z.enum(attributionStatuses, { error: "Choose whether and by whom it was attributed." }),
    attributedBy: optionalText(200, "Who attributed it"),
    attributionSource: optionalText(500, "The source of the attribution"),
    confidence: z.enum(confidenceLevels, { error: "Choose low, medium or high confidence." }),
    evidenceType: z.enum(evidenceTypes, { error: "Choose the type of evidence." }),
    assessments: z
      .array(z.strictObject({ itemId: z.uuid(), assessment: z.enum(assessmentValues, { error: "Choose consistent, inconsistent or unclear." }) }))
      .min(1, "Choose at least one norm the observation bears on.")
      .max(40),
    sources: z.array(observationSourceInput).min(1, "Give at least one source (a web address).").max(20, "Give at most 20 sources."),
  })
  .superRefine((v, ctx) => {
    if (v.occurredUntil && v.occurredUntil < v.occurredOn) ctx.addIssue({ code: "custom", path: ["occurredUntil"], message: "The period must end on or after the day it began." });
    if (["government", "company", "researchers"].includes(v.attributionStatus) && !v.attributedBy) {
      ctx.addIssue({ code: "custom", path: ["attributedBy"], message: "Say who attributed it." });
    }
    if (v.attributionStatus !== "none" && !v.attributionSource) ctx.addIssue({ code: "custom", path: ["attributionSource"], message: "Give the source of the attribution." });
  });

export const reviewObservationInput = z
  .strictObject({
    observationId: z.uuid(),
    decision: z.enum(["accept", "reject"], { error: "Choose to accept or reject it." }),
    note: z.string().trim().max(2000, "The note must be 2,000 characters or fewer.").default(""),
  })
  .refine((v) => v.decision === "accept" || v.note.length >= 10, { path: ["note"], message: "Give the reason for rejecting it (at least 10 characters)." });

export const replyInput = z.strictObject({
  observationId: z.uuid(),
  organizationId: z.uuid(),
  text: z.string().trim().min(20, "Write the reply in at least 20 characters.").max(5000, "The reply must be 5,000 characters or fewer."),
});

export const correctionRequestInput = z.strictObject({
  observationId: z.uuid(),
  text: z.string().trim().min(20, "Say what should be corrected, and why, in at least 20 characters.").max(5000, "The request must be 5,000 characters or fewer."),
});

export const correctionAnswerInput = z.strictObject({
  correctionId: z.uuid(),
  answer: z.string().trim().min(10, "Write the answer in at least 10 characters.").max(5000, "The answer must be 5,000 characters or fewer."),
});

export const correctionLogInput = z.strictObject({ limit: z.number().int().min(1).max(200).default(100) });

export const publishInput = z.strictObject({
  year,
  erratum: z.string().trim().max(2000, "The erratum must be 2,000 characters or fewer.").optional(),
});
