import "server-only";
// `GET /api/v1/states` and `GET /api/v1/states/{iso}` (issue 19): every UN member and observer
// state with its forum organisations and counts, and one state's record across years (positions
// with dates, versions and history; statements by year; accepted observations with replies), read
// through the same procedures as the /states pages, as a visitor.
import type { inferRouterOutputs } from "@trpc/server";
import { z } from "zod";
import type { Db } from "~/db/connect";
import { stateCounts } from "../domain/actor-record";
import type { AppRouter } from "../root";
import { findUnState, stateSlug, unMembershipKinds } from "../schemas/un-states";
import { assessmentValues, attributionStatuses, confidenceLevels, implementationStatuses, positionEventKinds, regions, stances, verificationStatuses } from "../schemas/vocabulary";
import { visitorCaller } from "./caller";
import { jsonResponse, ParameterError, readQuery, respond } from "./http";
import { openDataSchemas } from "./schemas";
import { absoluteUrl, normPageUrl, organizationPageUrl } from "./urls";

type RecordOutput = inferRouterOutputs<AppRouter>["actors"]["record"];

const timestamp = z.iso.datetime().describe("UTC, ISO 8601.");
const unRegion = z.enum(regions).exclude(["global"]).nullable().describe("The state's UN regional group; null for the Holy See, which belongs to none.");
const s = encodeURIComponent;
export const statePageUrl = (iso: string) => absoluteUrl(`/states/${s(stateSlug(iso))}`);
export const stateApiUrl = (iso: string) => absoluteUrl(`/api/v1/states/${s(stateSlug(iso))}`);

export const stateOrganization = z
  .object({
    slug: z.string(),
    name: z.string(),
    verificationStatus: z.enum(verificationStatuses).exclude(["rejected"]),
    verified: z.boolean().describe("Only a verified organisation's positions count in the forum's figures."),
    url: z.url(),
  })
  .describe("A forum organisation of stakeholder type `state` with the state's country (its foreign ministry or mission).");

export const stateListEntry = z.object({
  iso: z.string().describe("ISO 3166-1 alpha-2, upper case."),
  name: z.string(),
  membership: z.enum(unMembershipKinds).describe("`member` of the United Nations, or non-member `observer` state (the Holy See, the State of Palestine)."),
  region: unRegion,
  takesPart: z.boolean().describe("Whether it has a verified organisation in the forum."),
  organizations: z.array(stateOrganization),
  counts: z.object({
    positions: z.int().min(0).describe("Current positions of its organisations on public norms."),
    statements: z.int().min(0).describe("Implementation statements of its organisations in published stock-take reports."),
    observations: z.int().min(0).describe("Accepted observations naming it."),
  }),
  url: z.url().describe("Its profile page."),
  apiUrl: z.url(),
});

export const stateList = z.object({ items: z.array(stateListEntry), total: z.int().min(0) });

const page = <T extends z.ZodType>(item: T, cursorName: string) =>
  z.object({
    items: z.array(item),
    total: z.int().min(0),
    nextCursor: z.string().nullable().describe(`Give it as \`${cursorName}\` for the next page; null on the last.`),
  });

export const stateProfile = z.object({
  iso: z.string(),
  name: z.string(),
  membership: z.enum(unMembershipKinds),
  region: unRegion,
  url: z.url(),
  organizations: z.array(stateOrganization),
  positions: page(
    z.object({
      norm: z.object({ slug: z.string(), title: z.string(), currentVersion: z.int().min(1), url: z.url() }),
      organization: z.string().describe("The slug of the organisation that recorded it."),
      stance: z.enum(stances),
      statement: z.string(),
      version: z.int().min(1).describe("The version of the norm's text it was given (or last reaffirmed) on."),
      current: z.boolean().describe("Whether it was given on the current text."),
      counted: z.boolean(),
      recordedAt: timestamp,
      history: z
        .array(
          z.object({
            sequence: z.int().min(1),
            kind: z.enum(positionEventKinds),
            stance: z.enum(stances),
            version: z.int().min(1),
            recordedAt: timestamp,
            revealedAt: timestamp.nullable().describe("Recorded during a sealed endorsement stage: when it was published."),
          }),
        )
        .describe("Every entry on this norm, newest first."),
    }),
    "positionsAfter",
  ).describe("Newest first, 50 per page."),
  statements: page(
    z.object({
      year: z.int(),
      title: z.string().describe("The forum norm's title or the reference norm's name."),
      norm: z.string().nullable().describe("The forum norm's slug; null for a reference norm."),
      referenceNorm: z.string().nullable().describe("The reference norm's id; null for a forum norm."),
      organization: z.string(),
      status: z.enum(implementationStatuses),
      text: z.string(),
      links: z.array(z.string()),
      updatedAt: timestamp,
    }),
    "statementsAfter",
  ).describe("In published reports only, newest year first, in the report's order; 50 per page."),
  observations: page(
    z.object({
      year: z.int().describe("The stock-take it was logged in."),
      title: z.string(),
      description: z.string(),
      occurredOn: z.iso.date(),
      occurredUntil: z.iso.date().nullable().describe("The end of the period, when it happened over one."),
      codebookVersion: z.string().describe("The codebook version it was coded under (/about/codebook); `v0` before the codebook."),
      attributionStatus: z.enum(attributionStatuses).nullable().describe("Null on codebook v0 observations."),
      attributedBy: z.string().nullable(),
      confidence: z.enum(confidenceLevels).nullable().describe("Null on codebook v0 observations."),
      sources: z.array(z.object({ url: z.string(), archiveUrl: z.string().optional() })),
      norms: z.array(z.object({ title: z.string(), norm: z.string().nullable(), assessment: z.enum(assessmentValues) })),
      replies: z.array(z.object({ organization: z.string(), organizationName: z.string(), text: z.string(), updatedAt: timestamp })),
    }),
    "observationsAfter",
  ).describe("Accepted observations naming the state or one of its organisations, newest first; 50 per page."),
});

openDataSchemas.add(stateOrganization, { id: "StateOrganization" });
openDataSchemas.add(stateListEntry, { id: "StateListEntry" });
openDataSchemas.add(stateList, { id: "StateList" });
openDataSchemas.add(stateProfile, { id: "StateProfile" });

export type StateList = z.output<typeof stateList>;
export type StateProfile = z.output<typeof stateProfile>;

const serialiseOrganization = (o: { slug: string; name: string; verificationStatus: string }): z.output<typeof stateOrganization> => {
  if (o.verificationStatus === "rejected") throw new Error("A rejected organisation reached the open-data serialiser.");
  return {
    slug: o.slug,
    name: o.name,
    verificationStatus: o.verificationStatus as z.output<typeof stateOrganization>["verificationStatus"],
    verified: o.verificationStatus === "verified",
    url: organizationPageUrl(o.slug),
  };
};

export function listStatesResponse(db: Db, params: URLSearchParams) {
  return respond(async () => {
    readQuery(params, []);
    const [states, counts] = await Promise.all([visitorCaller(db).actors.states(), stateCounts(db)]);
    const body: StateList = {
      items: states.map((st) => ({
        iso: st.iso,
        name: st.name,
        membership: st.membership,
        region: st.region,
        takesPart: st.takesPart,
        organizations: st.organizations.map(serialiseOrganization),
        counts: {
          positions: counts.positions.get(st.iso) ?? 0,
          statements: counts.statements.get(st.iso) ?? 0,
          observations: counts.observations.get(st.iso) ?? 0,
        },
        url: statePageUrl(st.iso),
        apiUrl: stateApiUrl(st.iso),
      })),
      total: states.length,
    };
    return jsonResponse(body);
  });
}

export const stateProfileParams = ["positionsAfter", "statementsAfter", "observationsAfter"] as const;

const sourceOf = (source: unknown): { url: string; archiveUrl?: string } => {
  if (typeof source === "string") return { url: source };
  const { url, archiveUrl } = source as { url: string; archiveUrl?: string | null };
  return archiveUrl ? { url, archiveUrl } : { url };
};

export function serialiseRecord(record: RecordOutput) {
  return {
    positions: {
      items: record.positions.items.map((p) => ({
        norm: { slug: p.norm.slug, title: p.norm.title, currentVersion: p.norm.currentVersion, url: normPageUrl(p.norm.slug) },
        organization: p.organization.slug,
        stance: p.stance,
        statement: p.statement,
        version: p.version,
        current: p.current,
        counted: p.counted,
        recordedAt: p.recordedAt.toISOString(),
        history: p.history.map((h) => ({ sequence: h.sequence, kind: h.kind, stance: h.stance, version: h.version, recordedAt: h.recordedAt.toISOString(), revealedAt: h.revealedAt?.toISOString() ?? null })),
      })),
      total: record.positions.total,
      nextCursor: record.positions.next,
    },
    statements: {
      items: record.statements.items.map((st) => ({
        year: st.year,
        title: st.title,
        norm: st.normSlug,
        referenceNorm: st.referenceId,
        organization: st.organization.slug,
        status: st.status,
        text: st.text,
        links: st.links,
        updatedAt: st.updatedAt.toISOString(),
      })),
      total: record.statements.total,
      nextCursor: record.statements.next,
    },
    observations: {
      items: record.observations.items.map((o) => ({
        year: o.year,
        title: o.title,
        description: o.description,
        occurredOn: o.occurredOn,
        occurredUntil: o.occurredUntil,
        codebookVersion: o.codebookVersion,
        attributionStatus: o.attributionStatus,
        attributedBy: o.attributedBy,
        confidence: o.confidence,
        sources: (o.sources as unknown[]).map(sourceOf),
        norms: o.norms.map((n) => ({ title: n.title, norm: n.normSlug, assessment: n.assessment })),
        replies: o.replies.map((r) => ({ organization: r.organization.slug, organizationName: r.organization.name, text: r.text, updatedAt: r.updatedAt.toISOString() })),
      })),
      total: record.observations.total,
      nextCursor: record.observations.next,
    },
  };
}

export function stateResponse(db: Db, iso: string, params: URLSearchParams) {
  return respond(async () => {
    const cursors = readQuery(params, stateProfileParams) as Partial<Record<(typeof stateProfileParams)[number], string>>;
    if (!/^[A-Za-z]{2}$/.test(iso)) throw new ParameterError({ iso: "Give a two-letter ISO 3166-1 code." });
    const state = findUnState(iso);
    const record = await visitorCaller(db).actors.record({ id: `state:${state?.iso ?? iso.toUpperCase()}`, ...cursors });
    const actorState = record.actor.state!;
    const body: StateProfile = {
      iso: actorState.iso,
      name: record.actor.name,
      membership: actorState.membership,
      region: actorState.region as StateProfile["region"],
      url: statePageUrl(actorState.iso),
      organizations: record.actor.organizations.map(serialiseOrganization),
      ...serialiseRecord(record),
    };
    return jsonResponse(body);
  });
}
