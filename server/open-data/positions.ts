import "server-only";
// The positions endpoints of the open-data API: a norm's current positions (JSON and CSV), their
// append-only history and the measures computed from them. They read through the same procedures
// as the norm's page, as a visitor, so a draft or unknown norm is not found.
import type { inferRouterOutputs } from "@trpc/server";
import type { Db } from "~/db/connect";
import type { NormStatus } from "../schemas/vocabulary";
import type { AppRouter } from "../root";
import { visitorCaller } from "./caller";
import { type CsvColumn, toCsv } from "./csv";
import { jsonResponse, openDataHeaders, respond } from "./http";
import type { NormMeasures, NormPosition, NormPositionHistory, NormPositionList, PositionNorm, PositionOrganization } from "./schemas";
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

function serialisePosition(p: Position): NormPosition {
  return {
    organization: serialisePositionOrganization(p.organization),
    stance: p.stance,
    statement: publishedStatement(p.statement),
    version: p.version,
    current: p.current,
    recordedAt: p.recordedAt.toISOString(),
    recordedBy: p.recordedBy,
  };
}

/** Every position: counted ones first, then those of organisations no longer verified; each by name, as the procedure orders them. */
async function currentPositions(db: Db, slug: string) {
  const result = await visitorCaller(db).positions.every({ slug });
  return { result, positions: result.positions.map(serialisePosition) };
}

export function normPositionsResponse(db: Db, slug: string) {
  return respond(async () => {
    const { result, positions } = await currentPositions(db, slug);
    const body: NormPositionList = { norm: serialisePositionNorm(result.norm), positions };
    return jsonResponse(body);
  });
}

const csvColumns: readonly CsvColumn<NormPosition>[] = [
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
];
export const positionsCsvHeaders = csvColumns.map((c) => c.header);

export function normPositionsCsvResponse(db: Db, slug: string) {
  return respond(async () => {
    const { result, positions } = await currentPositions(db, slug);
    // The slug is the norm's own (letters, digits and hyphens), so it is safe in the header.
    return new Response(toCsv(csvColumns, positions), {
      headers: openDataHeaders(200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${result.norm.slug}-positions.csv"`,
      }),
    });
  });
}

export function normPositionHistoryResponse(db: Db, slug: string) {
  return respond(async () => {
    const api = visitorCaller(db);
    // The history names the norm without its status; forNorm supplies it (and 404s alike for drafts).
    const [{ norm }, { entries }] = await Promise.all([api.positions.forNorm({ slug }), api.positions.history({ slug })]);
    const body: NormPositionHistory = {
      norm: serialisePositionNorm(norm),
      entries: entries.map((e) => ({
        sequence: e.sequence,
        kind: e.kind,
        organization: serialisePositionOrganization(e.organization),
        stance: e.stance,
        statement: publishedStatement(e.statement),
        version: e.version,
        recordedAt: e.recordedAt.toISOString(),
        recordedBy: e.recordedBy,
      })),
    };
    return jsonResponse(body);
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
