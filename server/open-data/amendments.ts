import "server-only";
// `GET /api/v1/norms/{slug}/amendments`: every amendment proposed to a norm's text, by state, with
// the redline against its clause, who proposed it, its support by stakeholder type and what the
// authors decided. Read through the same procedure as the norm's page, as a visitor.
import type { inferRouterOutputs } from "@trpc/server";
import { z } from "zod";
import type { Db } from "~/db/connect";
import type { AppRouter } from "../root";
import { amendmentKinds, amendmentStates, regions, stakeholderTypes } from "../schemas/vocabulary";
import { visitorCaller } from "./caller";
import { jsonResponse, respond } from "./http";
import { serialisePositionNorm } from "./positions";
import { openDataSchemas, positionNorm } from "./schemas";
import { absoluteUrl, organizationPageUrl, versionPageUrl } from "./urls";

type Listed = inferRouterOutputs<AppRouter>["amendments"]["forNorm"]["amendments"][number];

const timestamp = z.iso.datetime().describe("UTC, ISO 8601.");

const supportByType = z
  .object(Object.fromEntries([...stakeholderTypes, "individual"].map((k) => [k, z.int().min(0)])) as Record<(typeof stakeholderTypes)[number] | "individual", z.ZodInt>)
  .describe("Supporters by the stakeholder type of the organisation they supported it for; `individual` counts support given in people's own names.");

export const normAmendment = z
  .object({
    number: z.int().min(1).describe("Numbered from 1 within the norm, in the order proposed."),
    state: z
      .enum(amendmentStates)
      .describe("`open` (awaiting the authors), `accepted` (made in a new version), `declined` (by the authors, with `reason`), `withdrawn` (by its proposer) or `superseded` (still open when the consultation ended)."),
    kind: z.enum(amendmentKinds).describe("`replace` the clause's words, `insert` a new clause after it, or `delete` it."),
    version: z.int().min(1).describe("The version of the text it was proposed on."),
    clause: z.int().min(1).describe("The clause of that version it concerns, from 1; an insertion goes after it."),
    original: z.string().describe("That clause's words when the amendment was proposed."),
    text: z.string().describe("The new words (`replace`) or the new clause (`insert`); empty for `delete`."),
    rationale: z.string(),
    redline: z
      .array(z.object({ type: z.enum(["equal", "insert", "delete"]), text: z.string() }))
      .describe("The change as a word redline against `original`."),
    proposer: z.object({
      name: z.string(),
      organization: z
        .object({ slug: z.string(), name: z.string(), stakeholderType: z.enum(stakeholderTypes), region: z.enum(regions), url: z.url() })
        .nullable()
        .describe("Null when proposed in a personal capacity."),
    }),
    support: z.object({ total: z.int().min(0), byType: supportByType }),
    comments: z.int().min(0).describe("Visible comments in its discussion (`/api/v1/norms/{slug}/comments?amendment={number}`)."),
    appliesToLatest: z
      .boolean()
      .nullable()
      .describe("For an open amendment: whether the clause it changes is still in the latest text word for word, so the authors can accept it. Null for the others."),
    reason: z.string().nullable().describe("Why it was declined, or the authors' note on accepting it."),
    acceptedVersion: z.int().min(1).nullable().describe("The version that made it, when accepted."),
    acceptedVersionUrl: z.url().nullable(),
    createdAt: timestamp,
    decidedAt: timestamp.nullable().describe("When it was accepted, declined, withdrawn or superseded."),
    url: z.url().describe("The amendment's page on the forum."),
  })
  .describe("An amendment to one clause of a norm's text.");

export const normAmendmentList = z
  .object({
    norm: positionNorm,
    open: z.boolean().describe("Whether amendments can be proposed and supported now: during consultation, until it closes."),
    counts: z.object(Object.fromEntries(amendmentStates.map((s) => [s, z.int().min(0)])) as Record<(typeof amendmentStates)[number], z.ZodInt>).describe("Amendments by state."),
    amendments: z.array(normAmendment).describe("Every amendment, in the order proposed."),
  })
  .describe("A norm's amendments.");

openDataSchemas.add(normAmendment, { id: "NormAmendment" });
openDataSchemas.add(normAmendmentList, { id: "NormAmendments" });

export const amendmentPageUrl = (slug: string, number: number) => absoluteUrl(`/norms/${encodeURIComponent(slug)}/amendments/${number}`);

function serialiseAmendment(slug: string, a: Listed): z.output<typeof normAmendment> {
  return {
    number: a.number,
    state: a.state,
    kind: a.kind,
    version: a.baseVersion,
    clause: a.clause,
    original: a.original,
    text: a.text,
    rationale: a.rationale,
    redline: a.redline,
    proposer: {
      name: a.authorName,
      organization: a.organization
        ? { slug: a.organization.slug, name: a.organization.name, stakeholderType: a.organization.stakeholderType, region: a.organization.region, url: organizationPageUrl(a.organization.slug) }
        : null,
    },
    support: a.support,
    comments: a.comments,
    appliesToLatest: a.state === "open" ? !a.conflict : null,
    reason: a.reason,
    acceptedVersion: a.acceptedVersion,
    acceptedVersionUrl: a.acceptedVersion ? versionPageUrl(slug, a.acceptedVersion) : null,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    url: amendmentPageUrl(slug, a.number),
  };
}

export function normAmendmentsResponse(db: Db, slug: string) {
  return respond(async () => {
    const result = await visitorCaller(db).amendments.forNorm({ slug });
    const body: z.output<typeof normAmendmentList> = {
      norm: serialisePositionNorm(result.norm),
      open: result.open,
      counts: result.counts,
      amendments: result.amendments.map((a) => serialiseAmendment(result.norm.slug, a)),
    };
    return jsonResponse(body);
  });
}
