// Inputs for the growing library (issue 19): reference documents and their norms added by an
// administrator, forums-timeline entries, and where a norm was taken up (recorded by the secretariat).
import { z } from "zod";
import { isCountryCode } from "./countries";
import { isStateGroupKey } from "./state-groups";
import { categoryCodes } from "./vocabulary";

const required = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep ${what} to ${max.toLocaleString("en")} characters or fewer.`);
const optional = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${what} to ${max.toLocaleString("en")} characters or fewer.`)
    .default("");

/** A web address: only http and https are accepted (no javascript:, data: or file: links). */
export const httpUrl = z
  .string({ error: "Enter the web address." })
  .trim()
  .max(2000, "Keep the web address to 2,000 characters or fewer.")
  .refine((u) => /^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(u) && URL.canParse(u), "Enter a full web address starting with http:// or https://.");
const optionalUrl = z
  .string()
  .trim()
  .max(2000, "Keep the web address to 2,000 characters or fewer.")
  .optional()
  .transform((v) => (v ? v : null))
  .refine((u) => u === null || (/^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(u) && URL.canParse(u)), "Enter a full web address starting with http:// or https://.");

/** A full date (YYYY-MM-DD), a month (YYYY-MM) or a year, as the library's documents give them. */
const libraryDate = z
  .string({ error: "Enter the date." })
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "Enter the date as YYYY-MM-DD, YYYY-MM or YYYY.")
  .refine((d) => !Number.isNaN(Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d)), "Enter a real date.");
const fullDate = z
  .string({ error: "Enter the date." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "Enter a real date.");

const keyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const documentKey = z
  .string({ error: "Enter a short key." })
  .trim()
  .min(2, "Enter a short key of at least 2 characters.")
  .max(40, "Keep the key to 40 characters or fewer.")
  .regex(keyPattern, "Use lower-case letters, digits and single hyphens (for example oewg-2021).");

export const addReferenceDocumentInput = z.strictObject({
  key: documentKey,
  title: required("the title", 500),
  issuer: required("who issued it", 500),
  date: libraryDate,
  reference: required("the document symbol or citation", 300),
  status: z.enum(["legal", "political", "proposal"], "Choose the document's status."),
  authorKind: z.enum(["state", "intergovernmental", "expert", "industry"], "Choose who wrote it."),
  url: httpUrl,
});

export const addReferenceNormInput = z.strictObject({
  documentKey,
  label: required("the paragraph or number (for example 13(a))", 40),
  display: required("the short name shown in the matrix (for example GGE 2021 13(a))", 80),
  text: required("the norm's text", 5000),
  categories: z
    .array(z.enum(categoryCodes, "Choose categories from I to V."), { error: "Choose at least one category." })
    .min(1, "Choose at least one category.")
    .max(categoryCodes.length),
});

export const addForumInput = z.strictObject({
  id: documentKey,
  name: required("the name", 300),
  kind: z.enum(["global", "regional", "multilateral", "bilateral", "multi-stakeholder", "industry", "academic"], "Choose the kind of forum."),
  date: libraryDate,
  parties: optional("the parties", 1000),
  normType: z.enum(["political", "legal", "technical", "mixed"], "Choose the type of norms."),
  summary: required("a one-sentence summary", 1000),
  reference: optional("the reference", 300),
  url: httpUrl,
});

/** A party to an uptake: an ISO 3166-1 code (upper case) or a state group key (server/schemas/state-groups.ts). */
export const uptakeParty = z
  .string()
  .trim()
  .transform((v) => (v.toLowerCase().startsWith("group:") ? v.toLowerCase() : v.toUpperCase()))
  .refine((v) => isCountryCode(v) || isStateGroupKey(v), "Name states by ISO code (for example KE) or a group (for example group:un).");

const uptakeFields = {
  document: required("the document", 500),
  forumId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : null)),
  forum: optional("the forum", 300),
  paragraph: optional("the paragraph", 100),
  takenUpOn: fullDate,
  url: optionalUrl,
  parties: z.array(uptakeParty).max(250, "Name at most 250 parties; use a group for more.").default([]),
};

export const recordUptakeInput = z
  .strictObject({
    normId: z.uuid("Choose a norm.").optional(),
    referenceNormId: z.string().trim().min(1).max(100).optional(),
    ...uptakeFields,
  })
  .refine((v) => (v.normId ? 1 : 0) + (v.referenceNormId ? 1 : 0) === 1, { path: ["normId"], message: "Choose exactly one norm: a forum norm or a reference norm." });

export const updateUptakeInput = z.strictObject({ id: z.uuid("Choose an uptake record."), ...uptakeFields });
export const uptakeIdInput = z.strictObject({ id: z.uuid("Choose an uptake record.") });
export const uptakeForNormInput = z
  .strictObject({ normId: z.uuid().optional(), referenceNormId: z.string().trim().min(1).max(100).optional() })
  .refine((v) => (v.normId ? 1 : 0) + (v.referenceNormId ? 1 : 0) === 1, { path: ["normId"], message: "Choose exactly one norm." });
export const uptakeForStateInput = z.strictObject({
  iso: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine(isCountryCode, "Enter an ISO 3166-1 code."),
});
