import "server-only";
// The reference library's endpoints of the open-data API: the documents and norms of the paper's
// Appendix I and the forums timeline. Each is a function of the database, read through the same
// procedures as the pages as a visitor, so drafts never appear.
import { z } from "zod";
import type { Db } from "~/db/connect";
import { listForumsInput } from "../schemas/references";
import { categoryCodes, type CategoryCode, type NormStatus, normStatuses } from "../schemas/vocabulary";
import { visitorCaller } from "./caller";
import { jsonResponse, readQuery, respond } from "./http";
import { openDataSchemas, uptakeRecord } from "./schemas";
import { serialiseUptake } from "./serialise";
import { absoluteUrl, normPageUrl } from "./urls";

const publicStatus = z.enum(normStatuses).exclude(["draft"]);
const categoryCode = z.enum(categoryCodes);

export const referenceDocument = z
  .object({
    key: z.string().describe("The document's key, e.g. `UNGGE`; usable as the norms list's `document` filter."),
    title: z.string(),
    issuer: z.string(),
    date: z.string().describe("As the paper gives it: YYYY-MM-DD or a year."),
    reference: z.string().describe("A bibliographic reference."),
    status: z.enum(["legal", "political", "proposal"]),
    authorKind: z.enum(["state", "intergovernmental", "expert", "industry"]),
    url: z.url().nullable().describe("Where the document can be read, when known."),
    source: z
      .enum(["paper-2015", "added"])
      .describe("`paper-2015`: one of the five documents of the paper's Appendix I, as the paper stated it; `added`: added later by the secretariat (a later GGE or OEWG report, for instance)."),
    addedAt: z.iso.datetime().nullable().describe("When the secretariat added the document; null for the paper's."),
  })
  .describe("A document of the reference library: the five compared in Appendix I of the EastWest Institute paper, and those added since.");

export const referenceDocumentList = z.object({ items: z.array(referenceDocument) });

export const citingProposal = z.object({
  slug: z.string(),
  title: z.string(),
  status: publicStatus.describe("Drafts are never published."),
  url: z.url().describe("The proposal's page on the forum."),
});

export const referenceNorm = z
  .object({
    id: z.string().describe("Stable identifier, e.g. `ungge-f`."),
    display: z.string().describe("How the norm is usually cited, e.g. UN GGE 13(f)."),
    document: z.string().describe("The key of the document it comes from."),
    text: z.string().describe("The text as the paper quotes it, with any correction by the forum's administrators."),
    categories: z.array(categoryCode).describe("The categories I–V the paper places it in."),
    variants: z
      .array(z.object({ categories: z.array(categoryCode), text: z.string() }))
      .describe("Other wordings the paper quotes under other categories."),
    citingProposals: z.array(citingProposal).describe("The forum's published proposals that cite this norm."),
    uptake: z.array(uptakeRecord).describe("Where the norm was taken up, oldest first."),
    url: z.url().describe("The norm's page on the forum."),
  })
  .describe("A reference norm from Appendix I.");

export const referenceNormList = z.object({ items: z.array(referenceNorm) });

export const forum = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string().describe("For example global, regional, bilateral, multi-stakeholder."),
    year: z.int(),
    date: z.string().nullable().describe("YYYY-MM-DD when known."),
    parties: z.array(z.string()),
    normType: z.string().describe("legal, political or mixed."),
    summary: z.string(),
    reference: z.string().nullable(),
    source: z.enum(["paper-2015", "added"]).describe("`paper-2015`: from the seed documents; `added`: added later by the secretariat."),
    url: z.url().nullable().describe("The source of an added entry."),
    addedAt: z.iso.datetime().nullable().describe("When the secretariat added the entry; null for the seed documents'."),
  })
  .describe("A forum, agreement, proposal or event in the making of norms for cyberspace.");

export const forumList = z.object({ items: z.array(forum) });

export type ReferenceDocumentList = z.output<typeof referenceDocumentList>;
export type ReferenceNormList = z.output<typeof referenceNormList>;
export type ForumList = z.output<typeof forumList>;

openDataSchemas.add(referenceDocument, { id: "ReferenceDocument" });
openDataSchemas.add(referenceDocumentList, { id: "ReferenceDocumentList" });
openDataSchemas.add(citingProposal, { id: "CitingProposal" });
openDataSchemas.add(referenceNorm, { id: "ReferenceNorm" });
openDataSchemas.add(referenceNormList, { id: "ReferenceNormList" });
openDataSchemas.add(forum, { id: "Forum" });
openDataSchemas.add(forumList, { id: "ForumList" });

const isCategory = (code: string): code is CategoryCode => (categoryCodes as readonly string[]).includes(code);

function publicProposalStatus(status: NormStatus) {
  if (status === "draft") throw new Error("A draft reached the open-data serialiser.");
  return status;
}

export const referenceNormPageUrl = (id: string) => absoluteUrl(`/reference/norms/${encodeURIComponent(id)}`);

/** Query parameters of `GET /api/v1/forums`. */
export const forumParams = Object.keys(listForumsInput.shape) as (keyof typeof listForumsInput.shape)[];

export function referenceDocumentsResponse(db: Db) {
  return respond(async () => {
    const { documents } = await visitorCaller(db).references.matrix();
    const body: ReferenceDocumentList = { items: documents.map((d) => ({ ...d, addedAt: d.addedAt?.toISOString() ?? null })) };
    return jsonResponse(body);
  });
}

export function referenceNormsResponse(db: Db) {
  return respond(async () => {
    const api = visitorCaller(db);
    const { norms } = await api.references.matrix();
    const details = await Promise.all(norms.map((n) => api.references.norm({ id: n.id })));
    const body: ReferenceNormList = {
      items: details.map((n) => ({
        id: n.id,
        display: n.display,
        document: n.document.key,
        text: n.text,
        categories: n.categories.map((c) => c.code).filter(isCategory),
        variants: n.variants.map((v) => ({ categories: v.categories.filter(isCategory), text: v.text })),
        citingProposals: n.citedBy.map((p) => ({ slug: p.slug, title: p.title, status: publicProposalStatus(p.status), url: normPageUrl(p.slug) })),
        uptake: n.uptake.map(serialiseUptake),
        url: referenceNormPageUrl(n.id),
      })),
    };
    return jsonResponse(body);
  });
}

export function forumsResponse(db: Db, params: URLSearchParams) {
  return respond(async () => {
    const { items } = await visitorCaller(db).references.forums(readQuery(params, forumParams));
    const body: ForumList = { items: items.map((f) => ({ ...f, addedAt: f.addedAt?.toISOString() ?? null })) };
    return jsonResponse(body);
  });
}
