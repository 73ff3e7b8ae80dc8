import { z } from "zod";
import { wholeNumber } from "./numbers";
import { assessments, categoryCodes, implementationStatuses } from "./vocabulary";

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
export const revisionInput = z.strictObject({ year, revision: wholeNumber("The revision").optional() });

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

export const observationInput = z.strictObject({
  year,
  title: z.string().trim().min(5, "Give the observation a short title (at least 5 characters).").max(200, "The title must be 200 characters or fewer."),
  description: z.string().trim().min(20, "Describe what happened in at least 20 characters.").max(10_000, "The description must be 10,000 characters or fewer."),
  occurredOn: isoDate("date it happened"),
  organizationIds: z.array(z.uuid()).max(20).default([]),
  outsideActors: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
  assessments: z
    .array(z.strictObject({ itemId: z.uuid(), assessment: z.enum(assessments) }))
    .min(1, "Choose at least one norm the observation bears on.")
    .max(40),
  sources: z.array(httpUrl).min(1, "Give at least one source (a web address).").max(20, "Give at most 20 sources."),
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

export const publishInput = z.strictObject({
  year,
  erratum: z.string().trim().max(2000, "The erratum must be 2,000 characters or fewer.").optional(),
});
