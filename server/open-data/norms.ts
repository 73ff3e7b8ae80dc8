import "server-only";
// The norms endpoints of the open-data API, each a function of the database and the request's
// parameters, so the route handlers are one line and the tests need no server.
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { listNormsInput } from "../schemas/norms";
import { visitorCaller } from "./caller";
import { type CsvColumn, csvHeader, csvLines } from "./csv";
import { isLocale, type Locale, LOCALES } from "../i18n/locales";
import { jsonResponse, openDataHeaders, ParameterError, readPositiveInteger, readQuery, respond } from "./http";
import type { NormList, NormListItem } from "./schemas";
import { serialiseListItem, serialiseNorm, serialiseVersion } from "./serialise";
import { streamResponse } from "./stream";

type ListInput = z.input<typeof listNormsInput>;
type ListParam = keyof typeof listNormsInput.shape;

/** Query parameters of `GET /api/v1/norms`: the list page's filters, search, sort and paging. */
export const listParams = Object.keys(listNormsInput.shape) as ListParam[];
/** The CSV has every matching norm, so it takes the filters but not the paging. */
export const csvParams = listParams.filter((p) => p !== "cursor" && p !== "limit");

const CSV_PAGE = 100;
/** Bounds the work one CSV request can ask for; far above the forum's expected size. */
export const CSV_MAX_ROWS = 10_000;

// The procedure validates the values; readQuery only shapes them.
const listInput = (params: URLSearchParams, allowed: readonly ListParam[]) => readQuery(params, allowed, ["limit"]) as ListInput;

export function listNormsResponse(db: Db, params: URLSearchParams) {
  return respond(async () => {
    const result = await visitorCaller(db).norms.list(listInput(params, listParams));
    const body: NormList = { items: result.items.map(serialiseListItem), nextCursor: result.nextCursor };
    return jsonResponse(body);
  });
}

export const normCsvColumns: readonly CsvColumn<NormListItem>[] = [
  { header: "slug", value: (n) => n.slug },
  { header: "title", value: (n) => n.title },
  { header: "summary", value: (n) => n.summary },
  { header: "status", value: (n) => n.status },
  { header: "categories", value: (n) => n.categories.join(";") },
  { header: "kind", value: (n) => n.kind },
  { header: "bindingness", value: (n) => n.bindingness },
  { header: "language", value: (n) => n.language },
  { header: "current_version", value: (n) => n.currentVersion },
  { header: "proposer_name", value: (n) => n.proposer.name },
  { header: "organization_slug", value: (n) => n.proposer.organization?.slug },
  { header: "organization_name", value: (n) => n.proposer.organization?.name },
  { header: "organization_stakeholder_type", value: (n) => n.proposer.organization?.stakeholderType },
  { header: "created_at", value: (n) => n.createdAt },
  { header: "updated_at", value: (n) => n.updatedAt },
  { header: "url", value: (n) => n.url },
  { header: "position_count", value: (n) => n.positionCount },
  { header: "support", value: (n) => n.support },
  { header: "bridging", value: (n) => n.bridging },
  { header: "contestation", value: (n) => n.contestation },
  // Added with the consultation clock: new columns go last, so existing readers keep their places.
  { header: "stage_last_open_day", value: (n) => n.stage?.lastOpenDay },
  { header: "stage_closed", value: (n) => (n.stage ? n.stage.closed : undefined) },
  { header: "stage_sealed", value: (n) => (n.stage ? n.stage.sealed : undefined) },
];
export const csvHeaders = normCsvColumns.map((c) => c.header);

/**
 * Every matching norm (up to CSV_MAX_ROWS), streamed: each page of the list is read by keyset and
 * written before the next is read (server/open-data/stream.ts).
 */
export function normsCsvResponse(db: Db, params: URLSearchParams, pageSize = CSV_PAGE) {
  return respond(async () => {
    const api = visitorCaller(db);
    const filters = listInput(params, csvParams);
    async function* csv() {
      let cursor: string | undefined;
      let written = 0;
      let header = csvHeader(normCsvColumns);
      do {
        const page = await api.norms.list({ ...filters, cursor, limit: pageSize });
        const rows = page.items.slice(0, CSV_MAX_ROWS - written).map(serialiseListItem);
        written += rows.length;
        yield header + csvLines(normCsvColumns, rows);
        header = "";
        cursor = page.nextCursor ?? undefined;
      } while (cursor && written < CSV_MAX_ROWS);
    }
    return streamResponse(
      csv(),
      openDataHeaders(200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="norms.csv"',
      }),
    );
  });
}

/** `?lang=`, the only parameter of a norm and a version: one of the forum's six languages, or none. */
function readLanguage(params: URLSearchParams | undefined): Locale | null {
  if (!params) return null;
  const { lang } = readQuery(params, ["lang"]);
  if (lang === undefined) return null;
  if (!isLocale(lang)) throw new ParameterError({ lang: `Give one of the forum's languages: ${LOCALES.join(", ")}.` });
  return lang;
}

/** The version's translation into `language`, when there is one (and it is not the authoritative language). */
async function translated(api: ReturnType<typeof visitorCaller>, slug: string, number: number, language: Locale | null) {
  if (!language) return null;
  const { translation } = await api.norms.translation({ slug, number, language });
  return translation;
}

export function normResponse(db: Db, slug: string, params?: URLSearchParams) {
  return respond(async () => {
    const language = readLanguage(params);
    const api = visitorCaller(db);
    const norm = await api.norms.get({ slug });
    return jsonResponse(serialiseNorm(norm, await translated(api, slug, norm.currentVersion, language)));
  });
}

export function normVersionResponse(db: Db, slug: string, number: string, params?: URLSearchParams) {
  return respond(async () => {
    const language = readLanguage(params);
    const api = visitorCaller(db);
    const n = readPositiveInteger("n", number);
    const [version, norm, translation] = await Promise.all([api.norms.version({ slug, number: n }), api.norms.get({ slug }), translated(api, slug, n, language)]);
    return jsonResponse(serialiseVersion(version, norm, translation));
  });
}
