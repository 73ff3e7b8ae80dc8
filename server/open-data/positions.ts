import "server-only";
// The positions endpoints of the open-data API: a norm's current positions (JSON and CSV), their
// append-only history and the measures computed from them. They read through the same procedures
// as the norm's page, as a visitor, so a draft or unknown norm is not found.
import type { inferRouterOutputs } from "@trpc/server";
import type { Db } from "~/db/connect";
import type { NormStatus } from "../schemas/vocabulary";
import type { AppRouter } from "../root";
import { visitorCaller } from "./caller";
import { type CsvColumn, csvHeader, csvLines } from "./csv";
import { jsonResponse, openDataHeaders, respond } from "./http";
import { jsonWithArray, STREAM_BATCH, streamResponse } from "./stream";
import type { NormAdherence, NormMeasures, NormPosition, NormPositionHistory, NormPositionList, PositionNorm, PositionOrganization } from "./schemas";
import { methodologyUrl, normApiUrl, normPageUrl, organizationPageUrl } from "./urls";

type PositionsOutputs = inferRouterOutputs<AppRouter>["positions"];
type ForNorm = PositionsOutputs["forNorm"];
type Position = ForNorm["positions"][number];

/** Whether a norm in this status is published; drafts never are. */
export const isPublished = (status: NormStatus) => status !== "draft";

/** The norm a position is about; the procedures hide drafts, and this makes sure. */
export function serialisePositionNorm(norm: { slug: string; title: string; status: NormStatus; currentVersion: number }): PositionNorm {
  if (norm.status === "draft") throw new Error("A draft reached the open-data serialiser.");
  return {
    slug: norm.slug,
    title: norm.title,
    status: norm.status,
    currentVersion: norm.currentVersion,
    url: normPageUrl(norm.slug),
    apiUrl: normApiUrl(norm.slug),
  };
}

export function serialisePositionOrganization(o: Position["organization"]): PositionOrganization {
  return {
    slug: o.slug,
    name: o.name,
    stakeholderType: o.stakeholderType,
    region: o.region,
    country: o.country,
    verified: o.verified,
    url: organizationPageUrl(o.slug),
  };
}

/** No statement is published as null rather than "", so "none given" is unmistakable. */
export const publishedStatement = (statement: string) => (statement === "" ? null : statement);

export function serialisePosition(p: Position): NormPosition {
  return {
    organization: serialisePositionOrganization(p.organization),
    stance: p.stance,
    statement: publishedStatement(p.statement),
    version: p.version,
    clauses: p.clauses,
    current: p.current,
    recordedAt: p.recordedAt.toISOString(),
    recordedBy: p.recordedBy,
  };
}

/**
 * Every position, as positions.every orders them (counted ones first, then those of organisations
 * no longer verified; each by name), read a batch at a time by keyset through positions.list. The
 * first batch is read at once, so an unknown or draft norm is a 404 before anything is streamed.
 */
async function positionBatches(db: Db, slug: string, batch: number) {
  const api = visitorCaller(db);
  const first = await api.positions.list({ slug, counted: true, limit: batch });
  async function* batches(): AsyncGenerator<NormPosition[]> {
    let page = first;
    let counted = true;
    for (;;) {
      yield page.items.map(serialisePosition);
      if (page.nextCursor) page = await api.positions.list({ slug, counted, cursor: page.nextCursor, limit: batch });
      else if (counted) {
        counted = false;
        page = await api.positions.list({ slug, counted, limit: batch });
      } else return;
    }
  }
  return { norm: first.norm, batches: batches() };
}

/** `GET /api/v1/norms/{slug}/positions`: every position, streamed (the same bytes as one JSON.stringify of the list). */
export function normPositionsResponse(db: Db, slug: string, batch = STREAM_BATCH) {
  return respond(async () => {
    const { norm, batches } = await positionBatches(db, slug, batch);
    const head: Omit<NormPositionList, "positions"> = { norm: serialisePositionNorm(norm) };
    return streamResponse(jsonWithArray(head, "positions", batches), openDataHeaders(200, { "Content-Type": "application/json" }));
  });
}

export const positionCsvColumns: readonly CsvColumn<NormPosition>[] = [
  { header: "organization_slug", value: (p) => p.organization.slug },
  { header: "organization_name", value: (p) => p.organization.name },
  { header: "stakeholder_type", value: (p) => p.organization.stakeholderType },
  { header: "region", value: (p) => p.organization.region },
  { header: "country", value: (p) => p.organization.country },
  { header: "verified", value: (p) => p.organization.verified },
  { header: "stance", value: (p) => p.stance },
  { header: "statement", value: (p) => p.statement },
  { header: "version", value: (p) => p.version },
  { header: "current", value: (p) => p.current },
  { header: "recorded_at", value: (p) => p.recordedAt },
  { header: "recorded_by", value: (p) => p.recordedBy },
  // Added last, as every column added since the first release, so a reader by position keeps working.
  { header: "clauses", value: (p) => p.clauses.join(";") },
];
export const positionsCsvHeaders = positionCsvColumns.map((c) => c.header);

/** `GET /api/v1/norms/{slug}/positions.csv`: every position, streamed a batch at a time. */
export function normPositionsCsvResponse(db: Db, slug: string, batch = STREAM_BATCH) {
  return respond(async () => {
    const { norm, batches } = await positionBatches(db, slug, batch);
    async function* csv() {
      let header = csvHeader(positionCsvColumns);
      for await (const positions of batches) {
        yield header + csvLines(positionCsvColumns, positions);
        header = "";
      }
    }
    // The slug is the norm's own (letters, digits and hyphens), so it is safe in the header.
    return streamResponse(
      csv(),
      openDataHeaders(200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${norm.slug}-positions.csv"`,
      }),
    );
  });
}

/** `GET /api/v1/norms/{slug}/positions/history`: every entry, newest first, streamed a page of the history at a time. */
export function normPositionHistoryResponse(db: Db, slug: string, batch = STREAM_BATCH) {
  return respond(async () => {
    const api = visitorCaller(db);
    // The history names the norm without its status; forNorm supplies it (and 404s alike for drafts).
    const [{ norm }, first] = await Promise.all([api.positions.forNorm({ slug }), api.positions.history({ slug, limit: batch })]);
    type Entry = (typeof first.entries)[number];
    const serialise = (e: Entry): NormPositionHistory["entries"][number] => ({
      sequence: e.sequence,
      kind: e.kind,
      organization: serialisePositionOrganization(e.organization),
      stance: e.stance,
      statement: publishedStatement(e.statement),
      version: e.version,
      clauses: e.clauses,
      recordedAt: e.recordedAt.toISOString(),
      revealedAt: e.revealedAt?.toISOString() ?? null,
      recordedBy: e.recordedBy,
    });
    async function* batches() {
      let page = first;
      yield page.entries.map(serialise);
      while (page.nextCursor) {
        page = await api.positions.history({ slug, limit: batch, cursor: page.nextCursor });
        yield page.entries.map(serialise);
      }
    }
    const head: Omit<NormPositionHistory, "entries"> = { norm: serialisePositionNorm(norm) };
    return streamResponse(jsonWithArray(head, "entries", batches()), openDataHeaders(200, { "Content-Type": "application/json" }));
  });
}

export function normMeasuresResponse(db: Db, slug: string) {
  return respond(async () => {
    const { norm, measures: m } = await visitorCaller(db).positions.forNorm({ slug });
    const body: NormMeasures = {
      norm: serialisePositionNorm(norm),
      methodology: methodologyUrl(),
      counts: { ...m.counts },
      onCurrentText: m.onCurrentText,
      uncounted: m.uncounted,
      support: m.support,
      contestation: m.contestation,
      bridging: m.bridging,
      breadth: { ...m.breadth },
      byStakeholderType: m.byStakeholderType.map((g) => ({ group: g.group, counts: { ...g.counts }, support: g.support })),
      byRegion: m.byRegion.map((g) => ({ group: g.group, counts: { ...g.counts }, support: g.support })),
    };
    return jsonResponse(body);
  });
}

type CountedMeasures = NonNullable<PositionsOutputs["adherence"]["live"]>;

const countedFigures = (m: CountedMeasures) => ({
  counts: { ...m.counts },
  support: m.support,
  contestation: m.contestation,
  bridging: m.bridging,
  breadth: { ...m.breadth },
  byStakeholderType: m.byStakeholderType.map((g) => ({ group: g.group, counts: { ...g.counts }, support: g.support })),
  byRegion: m.byRegion.map((g) => ({ group: g.group, counts: { ...g.counts }, support: g.support })),
});

/** `GET /api/v1/norms/{slug}/adherence`: the figures frozen at the close of endorsement, the live ones, and adherents by day since. */
export function normAdherenceResponse(db: Db, slug: string) {
  return respond(async () => {
    const a = await visitorCaller(db).positions.adherence({ slug });
    const body: NormAdherence = {
      norm: serialisePositionNorm(a.norm),
      methodology: methodologyUrl(),
      concludedAt: a.concludedAt ? a.concludedAt.toISOString() : null,
      frozen: a.frozen ? { frozenAt: a.frozen.frozenAt.toISOString(), ...countedFigures(a.frozen.measures) } : null,
      live: a.live ? countedFigures(a.live) : null,
      series: a.series.map((p) => ({ ...p, byStakeholderType: { ...p.byStakeholderType }, byRegion: { ...p.byRegion } })),
    };
    return jsonResponse(body);
  });
}
