// The published report's PDF in each of the forum's six languages (issue 20). Publishing renders
// only the authoritative-language PDF (English), inside its time budget, and stores it with the
// revision; this job renders the other languages afterwards, once the publishing transaction has
// committed, and also those that earlier revisions lack. The snapshot and its hash stay one
// language-neutral document: each language's PDF is rendered from the same snapshot and carries the
// same snapshot hash, and is listed with its own SHA-256.
//
// Idempotent: it renders only the (revision, language) pairs with no row, and a row that another
// run inserted meanwhile is left as it is (ON CONFLICT DO NOTHING), so any number of runs, on any
// number of instances, store each PDF once.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/connect";
import { stocktakeReportPdfs, stocktakeRevisions, stocktakes } from "~/db/schema";
import { LOCALES, type Locale } from "../i18n/locales";
import { clock } from "../clock";
import { type Snapshot, sha256 } from "./stocktake-snapshot";

/** The language the report is written and published in: its PDF is the revision's own. */
export const REPORT_AUTHORITATIVE_LANGUAGE: Locale = "en";

export type LocalizedPdfRenderer = (snapshot: Snapshot, sha256: string, locale: Locale) => Promise<Buffer>;

// On globalThis, as the outbox's listeners are (server/notifications/events.ts): the queue is
// started from instrumentation.ts, which Next.js bundles apart from the procedures that publish.
const listenersKey = Symbol.for("norms-forum.report-published-listeners");
const listeners: Set<() => void> = ((globalThis as { [listenersKey]?: Set<() => void> })[listenersKey] ??= new Set());

/** Called after a revision is published and committed (the job queue then renders its other languages). */
export function onRevisionPublished(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Says a revision was just published: called once its transaction has committed. */
export function revisionPublished() {
  for (const listener of listeners) listener();
}

export interface ReportPdfRun {
  /** The PDFs stored by this run, as revision id and language. */
  rendered: { revisionId: string; year: number; revision: number; language: Locale }[];
}

/**
 * Renders and stores every missing language of every published revision (or of the one given),
 * oldest revision first. The authoritative language's row takes the revision's own PDF, the bytes
 * that were published, rather than a new rendering.
 */
export async function renderMissingReportPdfs(db: Db, render: LocalizedPdfRenderer, options: { revisionId?: string } = {}): Promise<ReportPdfRun> {
  const have = sql<number>`(select count(*) from ${stocktakeReportPdfs} where ${stocktakeReportPdfs.revisionId} = ${stocktakeRevisions.id})::int`;
  const incomplete = await db
    .select({ id: stocktakeRevisions.id, year: stocktakes.year, revision: stocktakeRevisions.revision })
    .from(stocktakeRevisions)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId))
    .where(and(options.revisionId ? eq(stocktakeRevisions.id, options.revisionId) : undefined, sql`${have} < ${LOCALES.length}`))
    .orderBy(asc(stocktakes.year), asc(stocktakeRevisions.revision));
  const rendered: ReportPdfRun["rendered"] = [];
  for (const revision of incomplete) {
    const present = new Set(
      (await db.select({ language: stocktakeReportPdfs.language }).from(stocktakeReportPdfs).where(eq(stocktakeReportPdfs.revisionId, revision.id))).map((r) => r.language),
    );
    const missing = LOCALES.filter((l) => !present.has(l));
    if (!missing.length) continue;
    const [row] = await db
      .select({ snapshot: stocktakeRevisions.snapshot, sha256: stocktakeRevisions.sha256, pdf: stocktakeRevisions.pdf })
      .from(stocktakeRevisions)
      .where(eq(stocktakeRevisions.id, revision.id));
    if (!row) continue;
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    for (const language of missing) {
      const pdf = language === REPORT_AUTHORITATIVE_LANGUAGE ? row.pdf : await render(snapshot, row.sha256, language);
      const stored = await db
        .insert(stocktakeReportPdfs)
        .values({ revisionId: revision.id, language, pdf, sha256: sha256(pdf), renderedAt: clock.now() })
        .onConflictDoNothing()
        .returning({ language: stocktakeReportPdfs.language });
      if (stored.length) rendered.push({ revisionId: revision.id, year: revision.year, revision: revision.revision, language });
    }
  }
  return { rendered };
}

/** How many (revision, language) PDFs the published revisions still lack: what the job has left to do. */
export async function missingReportPdfCount(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ stored: sql<number>`count(${stocktakeReportPdfs.language})::int`, revisions: sql<number>`count(distinct ${stocktakeRevisions.id})::int` })
    .from(stocktakeRevisions)
    .leftJoin(stocktakeReportPdfs, eq(stocktakeReportPdfs.revisionId, stocktakeRevisions.id));
  return row!.revisions * LOCALES.length - row!.stored;
}

export interface ReportPdfListing {
  language: Locale;
  sha256: string;
  bytes: number;
  renderedAt: Date;
}

/**
 * The languages each revision of a stock-take has its PDF in, with each one's SHA-256: revision
 * number to the languages in the forum's order (a language the job has not rendered yet is absent).
 */
export async function reportPdfsByRevision(db: DbOrTx, stocktakeId: string): Promise<Map<number, ReportPdfListing[]>> {
  const rows = await db
    .select({
      revision: stocktakeRevisions.revision,
      language: stocktakeReportPdfs.language,
      sha256: stocktakeReportPdfs.sha256,
      bytes: sql<number>`octet_length(${stocktakeReportPdfs.pdf})::int`,
      renderedAt: stocktakeReportPdfs.renderedAt,
    })
    .from(stocktakeReportPdfs)
    .innerJoin(stocktakeRevisions, eq(stocktakeRevisions.id, stocktakeReportPdfs.revisionId))
    .where(eq(stocktakeRevisions.stocktakeId, stocktakeId));
  const order = (l: string) => LOCALES.indexOf(l as Locale);
  const byRevision = new Map<number, ReportPdfListing[]>();
  for (const { revision, ...row } of rows.sort((a, b) => order(a.language) - order(b.language))) {
    const list = byRevision.get(revision) ?? [];
    list.push(row as ReportPdfListing);
    byRevision.set(revision, list);
  }
  return byRevision;
}

/** One language's PDF of a revision, or null while the job has not rendered it yet. */
export async function reportPdfIn(db: DbOrTx, revisionId: string, language: Locale): Promise<{ pdf: Buffer; sha256: string } | null> {
  const [row] = await db
    .select({ pdf: stocktakeReportPdfs.pdf, sha256: stocktakeReportPdfs.sha256 })
    .from(stocktakeReportPdfs)
    .where(and(eq(stocktakeReportPdfs.revisionId, revisionId), eq(stocktakeReportPdfs.language, language)));
  return row ?? null;
}
