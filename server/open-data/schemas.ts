// The shapes the open-data API returns. The serialisers are typed by these schemas and the
// OpenAPI document is generated from them, so the documentation and the output cannot drift.
import { z } from "zod";
import { bindingnesses, categoryCodes, normKinds, normStatuses, stakeholderTypes } from "../schemas/vocabulary";

const timestamp = z.iso.datetime().describe("UTC, ISO 8601.");
const publicStatus = z.enum(normStatuses).exclude(["draft"]);

export const organizationRef = z
  .object({
    slug: z.string(),
    name: z.string(),
    stakeholderType: z.enum(stakeholderTypes),
  })
  .describe("The organisation a norm was proposed on behalf of.");

export const proposer = z.object({
  name: z.string().describe("The display name of the person who proposed the norm."),
  organization: organizationRef.nullable().describe("Null when the norm was proposed in a personal capacity."),
});

const normFields = {
  slug: z.string().describe("Stable identifier; does not change when the title does."),
  title: z.string(),
  summary: z.string(),
  status: publicStatus.describe("Drafts are never published."),
  categories: z.array(z.enum(categoryCodes)).describe("The categories I–V the norm is placed in."),
  kind: z.enum(normKinds),
  bindingness: z.enum(bindingnesses),
  language: z.string().describe("BCP 47 language tag of the text."),
  currentVersion: z.int().min(1),
  proposer,
  createdAt: timestamp,
  updatedAt: timestamp,
  url: z.url().describe("The norm's page on the forum."),
  apiUrl: z.url().describe("This norm in the API, with its text and versions."),
};

export const person = z.object({ name: z.string().describe("Display name.") });

export const normListItem = z.object(normFields).describe("A norm as listed; fetch `apiUrl` for its text.");

export const normList = z.object({
  items: z.array(normListItem),
  nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
});

export const citationRef = z.object({
  id: z.string().describe("The reference norm's identifier, e.g. `ungge-f`."),
  display: z.string().describe("How the reference norm is usually cited, e.g. UN GGE 13(f)."),
  document: z.string().describe("The reference document's key, usable as the `document` filter."),
});

export const versionRef = z.object({
  number: z.int().min(1),
  changeSummary: z.string().describe("What this version changed, in its author's words."),
  createdAt: timestamp,
  url: z.url().describe("The version's permanent, citable page."),
  apiUrl: z.url(),
});

export const normRef = z.object({ slug: z.string(), url: z.url(), apiUrl: z.url() });

export const normDetail = z
  .object({
    ...normFields,
    rationale: z.string().describe("Markdown."),
    clauses: z.array(z.string()).describe("The current version's text, one Markdown paragraph per numbered clause."),
    citations: z.array(citationRef).describe("Reference norms this norm builds on."),
    versions: z.array(versionRef).describe("Every version, newest first."),
    coauthors: z.array(person),
    mergedInto: normRef.nullable().describe("Set when the secretariat merged this norm into another as a duplicate."),
    mergedFrom: z.array(normRef).describe("Norms merged into this one."),
    citation: z.string().describe("A ready-made citation of the current version."),
  })
  .describe("A norm with its current text.");

export const normVersion = z
  .object({
    slug: z.string(),
    number: z.int().min(1),
    isCurrent: z.boolean(),
    status: publicStatus.describe("The norm's status now, not when this version was saved."),
    title: z.string(),
    summary: z.string(),
    clauses: z.array(z.string()).describe("One Markdown paragraph per numbered clause."),
    changeSummary: z.string(),
    language: z.string(),
    createdAt: timestamp,
    url: z.url().describe("The version's permanent, citable page."),
    normUrl: z.url(),
    citation: z.string().describe("A ready-made citation of this version."),
    bibtex: z.string().describe("The same citation as a BibTeX entry."),
  })
  .describe("One immutable version of a norm.");

export const apiErrorDetail = z.object({
  message: z.string().describe("What went wrong, in plain English."),
  fieldErrors: z.record(z.string(), z.string()).describe("A message per parameter name; empty when the problem is not with one parameter."),
});

export const apiError = z.object({ error: apiErrorDetail }).describe("The body of every error response.");

export type OrganizationRef = z.output<typeof organizationRef>;
export type NormListItem = z.output<typeof normListItem>;
export type NormList = z.output<typeof normList>;
export type NormDetail = z.output<typeof normDetail>;
export type NormVersion = z.output<typeof normVersion>;
export type ApiError = z.output<typeof apiError>;
export type PublicNormStatus = z.output<typeof publicStatus>;

/** Named schemas for the OpenAPI document's `components.schemas`. */
export const openDataSchemas = z.registry<{ id: string }>();
openDataSchemas.add(organizationRef, { id: "OrganizationRef" });
openDataSchemas.add(proposer, { id: "Proposer" });
openDataSchemas.add(person, { id: "Person" });
openDataSchemas.add(normListItem, { id: "NormListItem" });
openDataSchemas.add(normList, { id: "NormList" });
openDataSchemas.add(citationRef, { id: "CitationRef" });
openDataSchemas.add(versionRef, { id: "VersionRef" });
openDataSchemas.add(normRef, { id: "NormRef" });
openDataSchemas.add(normDetail, { id: "NormDetail" });
openDataSchemas.add(normVersion, { id: "NormVersion" });
openDataSchemas.add(apiError, { id: "Error" });
openDataSchemas.add(apiErrorDetail, { id: "ErrorDetail" });
