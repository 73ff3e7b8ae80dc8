import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import { encodeJsonCursor, jsonCursor } from "./cursor";
import { closingDay } from "./process";
import { pageLimit, wholeNumber } from "./numbers";
import { bindingnesses, categoryCodes, normKinds, normStatuses, stakeholderTypes } from "./vocabulary";

export const MAX_CLAUSES = 40;
export const MAX_TEXT = 30_000;

const clause = z.string().trim().min(1, "A clause cannot be empty; remove it instead.").max(5000, "A clause must be 5,000 characters or fewer.");

// BCP 47, e.g. en, fr, zh-Hans, es-419.
const languageTag = z
  .string()
  .trim()
  .max(35, "Enter a language tag such as en, fr or zh-Hans.")
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Enter a language tag such as en, fr or zh-Hans.")
  .default("en");

export const textFields = {
  title: z.string().trim().min(5, "Enter a title of at least 5 characters.").max(200, "Title must be 200 characters or fewer."),
  summary: z.string().trim().min(20, "Enter a one-paragraph summary of at least 20 characters.").max(1000, "Summary must be 1,000 characters or fewer."),
  clauses: z
    .array(clause)
    .min(1, "Add at least one clause.")
    .max(MAX_CLAUSES, `A norm can have at most ${MAX_CLAUSES} clauses.`)
    .refine((c) => c.join("\n\n").length <= MAX_TEXT, `The text must be ${MAX_TEXT.toLocaleString("en")} characters or fewer in all.`),
};

export const metadataFields = {
  rationale: z.string().trim().max(10_000, "Rationale must be 10,000 characters or fewer.").default(""),
  language: languageTag,
  categories: z
    .array(z.enum(categoryCodes, { error: "Choose categories from I to V." }))
    .min(1, "Choose at least one category.")
    .transform((c) => [...new Set(c)]),
  kind: z.enum(normKinds, { error: "Choose mutual restraint or common welfare." }),
  bindingness: z.enum(bindingnesses, { error: "Choose political, legal or technical." }),
  citations: z
    .array(z.string().trim().min(1).max(40))
    .max(40, "Cite at most 40 reference norms.")
    .default([])
    .transform((c) => [...new Set(c)]),
};

export const createNormInput = z.strictObject({
  ...textFields,
  ...metadataFields,
  organizationId: z.uuid().nullable().optional().transform((v) => v ?? null),
});

export const reviseNormInput = z.strictObject({
  normId: z.uuid(),
  // The version the author started from; a newer one saved meanwhile is a conflict.
  baseVersion: wholeNumber("The version you started from"),
  ...textFields,
  ...metadataFields,
  changeSummary: z.string().trim().min(3, "Say in a few words what this version changes.").max(500, "Change summary must be 500 characters or fewer."),
});

export const normIdInput = z.strictObject({ normId: z.uuid() });
export const normSlugInput = z.strictObject({ slug: z.string().min(1).max(120) });
export const normVersionInput = z.strictObject({ slug: z.string().min(1).max(120), number: wholeNumber("The version") });
export const redlineInput = z.strictObject({
  slug: z.string().min(1).max(120),
  from: wholeNumber("The version to compare from"),
  to: wholeNumber("The version to compare to"),
  // Compare the two versions' translations into this language when both have one (server/domain/translations.ts).
  language: z.enum(["ar", "zh", "en", "fr", "ru", "es"]).optional(),
});

export const transitionInput = z.strictObject({
  normId: z.uuid(),
  note: z.string().trim().max(2000, "Note must be 2,000 characters or fewer.").default(""),
});
/** What the secretariat decided and why, citing the published criteria: public, on the timeline and in open data. */
export const outcomeStatement = z
  .string({ error: "Write the outcome statement: what was decided and why." })
  .trim()
  .min(20, "Write the outcome statement: what was decided and why, citing the criteria (at least 20 characters).")
  .max(4000, "The outcome statement must be 4,000 characters or fewer.");

export const mergeInput = z.strictObject({
  normId: z.uuid(),
  intoSlug: z.string().trim().min(1, "Choose the norm to merge into.").max(120),
  statement: outcomeStatement,
});

/**
 * A secretariat move with its outcome statement. Where the move's published criteria are not met
 * it is made only as an override, with its reason. `lastDay` sets the closing date of the stage
 * the move opens (empty: the stage's default length).
 */
export const secretariatTransitionInput = z
  .strictObject({
    normId: z.uuid(),
    transition: z.enum(["openEndorsement", "returnToConsultation", "conclude"]),
    statement: outcomeStatement,
    override: z.boolean().default(false),
    overrideReason: z.string().trim().max(2000, "The reason for the override must be 2,000 characters or fewer.").default(""),
    lastDay: closingDay.optional().or(z.literal("").transform(() => undefined)),
    // Opens the endorsement stage sealed (server/domain/sealed.ts); refused for any other move.
    sealed: z.boolean().default(false),
  })
  .refine((v) => !v.override || v.overrideReason.length >= 20, {
    path: ["overrideReason"],
    message: "Say why the move is made although its criteria are not met (at least 20 characters).",
  });

export const coauthorInviteEmail = z
  .string()
  .trim()
  .max(254, "Enter the co-author's email address.")
  .toLowerCase()
  .pipe(z.email("Enter the co-author's email address."));
export const coauthorInput = z.strictObject({ normId: z.uuid(), email: coauthorInviteEmail });
export const invitationIdInput = z.strictObject({ invitationId: z.uuid() });
export const respondToInvitationInput = z.strictObject({ invitationId: z.uuid(), accept: z.boolean() });
export const removeCoauthorInput = z.strictObject({ normId: z.uuid(), userId: z.uuid() });

const cursorShape = z.strictObject({
  // The last row's sort key: a measure or rank, or a creation or activity time.
  v: z.union([z.number(), z.iso.datetime({ offset: true })]),
  // With relevance, the last row's creation time: equal ranks list newest first.
  t: z.iso.datetime({ offset: true }).optional(),
  id: z.uuid(),
});
export type KeysetCursor = z.infer<typeof cursorShape>;

/** The list's page link: the last row's sort key and id. */
const keysetCursor = jsonCursor(cursorShape);

export const encodeCursor = (c: KeysetCursor) => encodeJsonCursor(c);

// `support`, `bridging` and `contested` sort by the published measures, highest first; norms without
// positions come last.
export const normSorts = ["newest", "active", "relevance", "support", "bridging", "contested"] as const;
export const listNormsInput = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(normStatuses).optional(),
  category: z.enum(categoryCodes).optional(),
  kind: z.enum(normKinds).optional(),
  bindingness: z.enum(bindingnesses).optional(),
  stakeholderType: z.enum(stakeholderTypes).optional(),
  // A reference document's key (e.g. UNGGE): norms citing any of its norms.
  document: z.string().trim().max(20).optional(),
  sort: z.enum(normSorts).optional(),
  cursor: keysetCursor.optional(),
  limit: pageLimit(100).default(20),
});

/**
 * The list as the forum's pages ask for it: also the reader's language, in which each norm's title
 * and summary are given where a translation of it exists (open data lists the authoritative text,
 * and gives translations per norm with ?lang=).
 */
export const listNormsPageInput = listNormsInput.extend({ language: z.enum(LOCALES).optional() });
