import "server-only";
// The stock-take endpoints of the open-data API: the years, a year's published report with its
// hash and revisions, and each revision's files exactly as they were stored when it was published.
// The snapshot is served as its stored text, never re-serialised, so its SHA-256 is the published
// one. They read through the same procedures as the report page, as a visitor.
import { TRPCError } from "@trpc/server";
import type { Db } from "~/db/connect";
import { REPORT_AUTHORITATIVE_LANGUAGE } from "../domain/stocktake-report-pdfs";
import { isLocale, LANGUAGE_TAGS, LOCALES, type Locale } from "../i18n/locales";
import { visitorCaller } from "./caller";
import { jsonResponse, openDataHeaders, ParameterError, readPositiveInteger, respond } from "./http";
import type { StocktakeDownloads, StocktakeList, StocktakeMetadata } from "./schemas";
import { absoluteUrl, methodologyUrl } from "./urls";

export const stocktakePageUrl = (year: number) => absoluteUrl(`/stocktakes/${year}`);
export const stocktakeApiUrl = (year: number) => absoluteUrl(`/api/v1/stocktakes/${year}`);

/**
 * The permanent addresses of one revision's files, with its PDF in each language rendered so far
 * (the authoritative English one at report.pdf, each other language at report.pdf?lang=<code>),
 * each with its own SHA-256.
 */
export const stocktakeDownloads = (year: number, revision: number, pdfs: { language: Locale; sha256: string }[]): StocktakeDownloads => {
  const base = `${stocktakeApiUrl(year)}/revisions/${revision}`;
  return {
    snapshot: `${base}/snapshot.json`,
    pdf: `${base}/report.pdf`,
    csv: `${base}/report.csv`,
    pdfs: pdfs.map((p) => ({ language: p.language, sha256: p.sha256, url: p.language === REPORT_AUTHORITATIVE_LANGUAGE ? `${base}/report.pdf` : `${base}/report.pdf?lang=${p.language}` })),
  };
};

/** The file name a download saves as: `stocktake-2025-r2.json`, and a PDF in another language than English `stocktake-2025-r2-fr.pdf`. */
export const stocktakeFileName = (year: number, revision: number, extension: "json" | "pdf" | "csv", language: Locale = REPORT_AUTHORITATIVE_LANGUAGE) =>
  `stocktake-${year}-r${revision}${language === REPORT_AUTHORITATIVE_LANGUAGE ? "" : `-${language}`}.${extension}`;

// The years a stock-take may have (as the procedures' input allows); any other four-digit year has none.
const FIRST_YEAR = 2015;
const LAST_YEAR = 2100;

/** A year path segment: four digits, or a 400; a year outside the stock-takes' range is simply not found. */
function readYear(raw: string) {
  if (!/^\d{4}$/.test(raw)) throw new ParameterError({ year: "Give the year as four digits, such as 2025." });
  const year = Number(raw);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new TRPCError({ code: "NOT_FOUND", message: `The ${year} stock-take was not found.` });
  return year;
}

const readRevision = (raw: string | undefined) => (raw === undefined ? undefined : readPositiveInteger("revision", raw));

/** `?lang=`: one of the forum's six language codes, or none for the authoritative (English) PDF. */
function readLanguage(raw: string | null | undefined): Locale | undefined {
  if (raw === null || raw === undefined || raw === "") return undefined;
  if (!isLocale(raw)) throw new ParameterError({ lang: `Give one of the forum's languages: ${LOCALES.join(", ")}.` });
  return raw;
}

export function listStocktakesResponse(db: Db) {
  return respond(async () => {
    const years = await visitorCaller(db).stocktakes.list();
    const body: StocktakeList = {
      items: years.map((y) => ({
        year: y.year,
        opensOn: y.opensOn,
        closesOn: y.closesOn,
        window: y.window,
        closedAt: y.closedAt?.toISOString() ?? null,
        published: y.published ? { revision: y.published.revision, publishedAt: y.published.publishedAt.toISOString() } : null,
        url: stocktakePageUrl(y.year),
        apiUrl: y.published ? stocktakeApiUrl(y.year) : null,
      })),
    };
    return jsonResponse(body);
  });
}

export function stocktakeResponse(db: Db, rawYear: string) {
  return respond(async () => {
    const year = readYear(rawYear);
    const st = await visitorCaller(db).stocktakes.get({ year });
    const current = st.current;
    if (!current) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `The ${year} stock-take has not been published yet: its report, hash and files appear here once the secretariat publishes it.`,
      });
    }
    if (!st.closedAt) throw new Error(`The ${year} stock-take is published but its window has no closing time.`);
    const body: StocktakeMetadata = {
      year,
      revision: current.revision,
      publishedAt: current.publishedAt.toISOString(),
      sha256: current.sha256,
      erratum: current.erratum,
      latestRevision: current.revision,
      window: { opensOn: st.opensOn, closesOn: st.closesOn, closedAt: st.closedAt.toISOString() },
      url: stocktakePageUrl(year),
      methodology: methodologyUrl(),
      downloads: stocktakeDownloads(year, current.revision, current.pdfs),
      revisions: st.revisions.map((r) => ({
        revision: r.revision,
        current: r.revision === current.revision,
        publishedAt: r.publishedAt.toISOString(),
        sha256: r.sha256,
        erratum: r.erratum,
        downloads: stocktakeDownloads(year, r.revision, r.pdfs),
      })),
    };
    return jsonResponse(body);
  });
}

/** One revision's stored files: the current one, or revision `n` when the address names it. */
async function storedRevision(db: Db, rawYear: string, rawRevision: string | undefined, language?: Locale) {
  const year = readYear(rawYear);
  const revision = readRevision(rawRevision);
  return { named: revision !== undefined, ...(await visitorCaller(db).stocktakes.revision({ year, revision, language })) };
}

/**
 * Headers of a file download. A revision named in the address never changes, so it may be cached
 * for good; the current one changes when a correction is published.
 */
function fileHeaders(file: { year: number; revision: number; sha256: string; named: boolean; language?: Locale }, contentType: string, extension: "json" | "pdf" | "csv") {
  return openDataHeaders(200, {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${stocktakeFileName(file.year, file.revision, extension, file.language)}"`,
    "Stocktake-Revision": String(file.revision),
    "Stocktake-Snapshot-SHA256": file.sha256,
    ...(file.named ? { "Cache-Control": "public, max-age=31536000, immutable" } : {}),
  });
}

export function stocktakeSnapshotResponse(db: Db, rawYear: string, rawRevision?: string) {
  return respond(async () => {
    const file = await storedRevision(db, rawYear, rawRevision);
    // The stored text, byte for byte: its SHA-256 is `sha256`.
    const bytes = Buffer.from(file.snapshot, "utf8");
    return new Response(new Uint8Array(bytes), {
      headers: {
        ...fileHeaders(file, "application/json; charset=utf-8", "json"),
        ETag: `"${file.sha256}"`,
        "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
      },
    });
  });
}

/**
 * A revision's PDF: the authoritative (English) one, or with `?lang=` the one whose fixed text is in
 * that language (not found until the job has rendered it, shortly after publication). Every
 * language's PDF carries the same snapshot hash; the PDF's own SHA-256 is in a header.
 */
export function stocktakePdfResponse(db: Db, rawYear: string, rawRevision?: string, rawLanguage?: string | null) {
  return respond(async () => {
    const language = readLanguage(rawLanguage);
    const file = await storedRevision(db, rawYear, rawRevision, language);
    return new Response(new Uint8Array(file.pdf), {
      headers: {
        ...fileHeaders({ ...file, language: file.language }, "application/pdf", "pdf"),
        "Content-Language": LANGUAGE_TAGS[file.language],
        "Stocktake-PDF-SHA256": file.pdfSha256,
      },
    });
  });
}

export function stocktakeCsvResponse(db: Db, rawYear: string, rawRevision?: string) {
  return respond(async () => {
    const file = await storedRevision(db, rawYear, rawRevision);
    return new Response(file.csv, { headers: fileHeaders(file, "text/csv; charset=utf-8", "csv") });
  });
}
