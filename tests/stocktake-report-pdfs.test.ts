// The published report's PDF in the six languages (issue 20), against a real database: publishing
// stores only the authoritative-language (English) PDF with the revision; the job renders every
// language after the publishing transaction has committed, once each (a second run renders
// nothing), and catches up earlier revisions; each stored PDF's SHA-256 is that of its bytes; the
// rows never change; and the job queue runs it when a revision is published.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms, stocktakeReportPdfs, stocktakeRevisions, stocktakes } from "~/db/schema";
import { LANGUAGE_TAGS, LOCALES, type Locale } from "~/server/i18n/locales";
import { type LocalizedPdfRenderer, missingReportPdfCount, onRevisionPublished, renderMissingReportPdfs } from "~/server/domain/stocktake-report-pdfs";
import type { Snapshot } from "~/server/domain/stocktake-snapshot";
import { startJobQueue } from "~/server/notifications/queue";
import { apiError, stocktakeMetadata } from "~/server/open-data/schemas";
import { stocktakePdfResponse, stocktakeResponse } from "~/server/open-data/stocktakes";
import { pdfPageTexts } from "~/server/stocktake-pdf/pdf-text";
import { renderReportPdf } from "~/server/stocktake-pdf/render";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { type MailSink, startMailSink } from "./support/mail-sink";
import { overriding } from "./support/moves";

let database: Database;
let sink: MailSink;
beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.close();
  await database.close();
});

const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const hashOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A closed stock-take covering one norm in endorsement with a position and a statement, ready to publish. */
async function closedYear(year: number) {
  const staff = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
  const repUser = await createUser(database.db, { displayName: "A Representative" });
  const organization = await createOrganization(database.db, { createdById: repUser.id, status: "verified", stakeholderType: "state", region: "african", country: null });
  const rep = await callerAs(database.db, repUser);
  const { slug } = await rep.norms.create({
    title: `Protecting response teams in ${year}`,
    summary: "States should not harm the work of authorised emergency response teams.",
    clauses: ["States should not harm CSIRTs."],
    categories: ["II"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: [],
  });
  const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await rep.norms.submit({ normId: norm.id });
  await rep.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse" });
  await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
  await staff.stocktakes.open({ year, opensOn: day(-5), closesOn: day(5), normIds: [norm.id], referenceNormIds: ["ungge-f"] });
  const item = (await staff.stocktakes.get({ year })).items.find((i) => i.kind === "forum")!;
  await rep.stocktakes.fileStatement({ year, itemId: item.id, organizationId: organization.id, status: "partially", text: "We set up a national team." });
  await staff.stocktakes.close({ year });
  return staff;
}

async function revisionOf(year: number, revision: number) {
  const [row] = await database.db
    .select({ id: stocktakeRevisions.id, pdf: stocktakeRevisions.pdf, sha256: stocktakeRevisions.sha256 })
    .from(stocktakeRevisions)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId))
    .where(and(eq(stocktakes.year, year), eq(stocktakeRevisions.revision, revision)));
  return row!;
}

const pdfsOf = (revisionId: string) => database.db.select().from(stocktakeReportPdfs).where(eq(stocktakeReportPdfs.revisionId, revisionId));

/** The in-process renderer, counting what it is asked for. */
function counting() {
  const asked: Locale[] = [];
  const render: LocalizedPdfRenderer = (snapshot: Snapshot, sha256: string, locale: Locale) => {
    asked.push(locale);
    return renderReportPdf(snapshot, sha256, locale);
  };
  return { asked, render };
}

describe("the report's PDF in each language", () => {
  const FIRST = 2061;
  const SECOND = 2062;

  it("publishing stores only the authoritative PDF; the job renders every language once, and earlier revisions' too", async () => {
    const published: number[] = [];
    const stop = onRevisionPublished(() => published.push(1));
    const staffFirst = await closedYear(FIRST);
    const staffSecond = await closedYear(SECOND);
    await staffFirst.stocktakes.publish({ year: FIRST });
    await staffSecond.stocktakes.publish({ year: SECOND });
    stop();
    // Each publication says so once its transaction has committed, for the queue to start the job.
    expect(published).toHaveLength(2);
    const first = await revisionOf(FIRST, 1);
    const second = await revisionOf(SECOND, 1);
    expect(await pdfsOf(first.id)).toHaveLength(0);

    const run = counting();
    const result = await renderMissingReportPdfs(database.db, run.render);
    // Both revisions, every language; English is the revision's own PDF, never rendered again.
    expect(result.rendered.filter((r) => r.year === FIRST).map((r) => r.language).sort()).toEqual([...LOCALES].sort());
    expect(result.rendered.filter((r) => r.year === SECOND).map((r) => r.language).sort()).toEqual([...LOCALES].sort());
    expect(run.asked.filter((l) => l === "en")).toHaveLength(0);
    expect(run.asked).toHaveLength(2 * (LOCALES.length - 1));

    for (const revision of [first, second]) {
      const rows = await pdfsOf(revision.id);
      expect(rows.map((r) => r.language).sort()).toEqual([...LOCALES].sort());
      for (const row of rows) {
        expect(row.sha256).toBe(hashOf(row.pdf));
        expect(row.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        // Every language's PDF carries the one snapshot's hash.
        expect(row.pdf.toString("latin1")).toContain(revision.sha256);
      }
      expect(rows.find((r) => r.language === "en")!.pdf.equals(revision.pdf)).toBe(true);
      expect(new Set(rows.map((r) => r.sha256)).size).toBe(LOCALES.length);
    }
    const french = (await pdfsOf(first.id)).find((r) => r.language === "fr")!;
    const frenchText = pdfPageTexts(french.pdf).join(" ").replace(/\s+/g, " ");
    expect(frenchText).toContain(`Bilan annuel ${FIRST}`);
    expect(frenchText).toContain("Organisations participantes");

    // Idempotent: a second run renders nothing and changes nothing.
    const again = counting();
    expect((await renderMissingReportPdfs(database.db, again.render)).rendered).toEqual([]);
    expect(again.asked).toEqual([]);
    expect((await pdfsOf(first.id)).find((r) => r.language === "fr")!.sha256).toBe(french.sha256);

    // A correction: only its own languages are new.
    await staffFirst.stocktakes.publish({ year: FIRST, erratum: "Corrected the summary." });
    const corrected = await revisionOf(FIRST, 2);
    const third = await renderMissingReportPdfs(database.db, counting().render);
    expect(third.rendered.map((r) => `${r.year}/${r.revision}`)).toEqual(LOCALES.map(() => `${FIRST}/2`));
    expect(await pdfsOf(corrected.id)).toHaveLength(LOCALES.length);
  }, 120_000);

  it("renders only the languages a revision still lacks", async () => {
    const year = 2063;
    const staff = await closedYear(year);
    await staff.stocktakes.publish({ year });
    const revision = await revisionOf(year, 1);
    // The earlier revisions are complete (the test before rendered them all): this one lacks six.
    expect(await missingReportPdfCount(database.db)).toBe(LOCALES.length);
    // As if a run had stopped after English and Arabic.
    const partial = counting();
    await renderMissingReportPdfs(database.db, async (snapshot, hash, locale) => {
      if (locale !== "ar") throw new Error("stopped");
      return partial.render(snapshot, hash, locale);
    }).catch(() => undefined);
    expect((await pdfsOf(revision.id)).map((r) => r.language).sort()).toEqual(["ar", "en"]);
    expect(await missingReportPdfCount(database.db)).toBe(LOCALES.length - 2);
    const rest = counting();
    await renderMissingReportPdfs(database.db, rest.render, { revisionId: revision.id });
    expect(rest.asked.sort()).toEqual(["es", "fr", "ru", "zh"]);
    expect(await pdfsOf(revision.id)).toHaveLength(LOCALES.length);
    expect(await missingReportPdfCount(database.db)).toBe(0);
  }, 60_000);

  it("never changes a stored PDF", async () => {
    const [row] = await database.db.select({ revisionId: stocktakeReportPdfs.revisionId }).from(stocktakeReportPdfs).limit(1);
    await expect(database.db.execute(sql`update stocktake_report_pdfs set sha256 = ${"0".repeat(64)} where revision_id = ${row!.revisionId}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from stocktake_report_pdfs where revision_id = ${row!.revisionId}`)).rejects.toThrow();
  });

  it("is run by the job queue once a revision is published", async () => {
    const year = 2064;
    const staff = await closedYear(year);
    const queue = await startJobQueue(database, sink.mailer, { tickCron: null, pollingIntervalSeconds: 0.5 });
    try {
      await staff.stocktakes.publish({ year });
      const revision = await revisionOf(year, 1);
      const start = Date.now();
      while ((await pdfsOf(revision.id)).length < LOCALES.length) {
        if (Date.now() - start > 90_000) throw new Error("timed out waiting for the job queue");
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      for (const row of await pdfsOf(revision.id)) expect(row.sha256).toBe(hashOf(row.pdf));
    } finally {
      await queue.stop();
    }
  }, 120_000);

  it("serves each language's PDF at report.pdf?lang=, listed with its own SHA-256 beside the snapshot's", async () => {
    const year = 2065;
    const staff = await closedYear(year);
    await staff.stocktakes.publish({ year });
    // Before the job: English only, the other languages not found yet.
    const early = await stocktakePdfResponse(database.db, String(year), undefined, "fr");
    expect(early.status).toBe(404);
    expect((await staff.stocktakes.revision({ year })).pdfs).toEqual([]);
    await renderMissingReportPdfs(database.db, renderReportPdf);

    // The page's data: every language with its SHA-256, in the forum's order.
    const revision = await staff.stocktakes.revision({ year });
    expect(revision.pdfs.map((p) => p.language)).toEqual([...LOCALES]);
    const stored = new Map((await pdfsOf((await revisionOf(year, 1)).id)).map((r) => [r.language, r]));

    // The open data lists them, and each address serves those bytes.
    const metadata = stocktakeMetadata.parse(await (await stocktakeResponse(database.db, String(year))).json());
    expect(metadata.sha256).toBe(revision.sha256);
    expect(metadata.downloads.pdfs.map((p) => p.language)).toEqual([...LOCALES]);
    expect(metadata.revisions[0]!.downloads.pdfs).toEqual(metadata.downloads.pdfs);
    for (const listed of metadata.downloads.pdfs) {
      expect(listed.sha256).toBe(stored.get(listed.language)!.sha256);
      const url = new URL(listed.url);
      expect(url.pathname).toBe(`/api/v1/stocktakes/${year}/revisions/1/report.pdf`);
      expect(url.searchParams.get("lang")).toBe(listed.language === "en" ? null : listed.language);
      for (const revisionPath of [undefined, "1"]) {
        const response = await stocktakePdfResponse(database.db, String(year), revisionPath, url.searchParams.get("lang"));
        expect(response.status).toBe(200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect(hashOf(bytes)).toBe(listed.sha256);
        expect(response.headers.get("Stocktake-PDF-SHA256")).toBe(listed.sha256);
        expect(response.headers.get("Stocktake-Snapshot-SHA256")).toBe(revision.sha256);
        expect(response.headers.get("Content-Language")).toBe(LANGUAGE_TAGS[listed.language]);
        expect(response.headers.get("Content-Disposition")).toContain(listed.language === "en" ? `stocktake-${year}-r1.pdf` : `stocktake-${year}-r1-${listed.language}.pdf`);
      }
    }
    // The English address without ?lang= is the PDF published with the revision.
    const english = new Uint8Array(await (await stocktakePdfResponse(database.db, String(year))).arrayBuffer());
    expect(Buffer.from(english).equals((await revisionOf(year, 1)).pdf)).toBe(true);
    // A French heading in the French file.
    const french = Buffer.from(await (await stocktakePdfResponse(database.db, String(year), undefined, "fr")).arrayBuffer());
    expect(pdfPageTexts(french).join(" ")).toContain(`Bilan annuel ${year}`);

    const bad = await stocktakePdfResponse(database.db, String(year), undefined, "de");
    expect(bad.status).toBe(400);
    expect(apiError.parse(await bad.json()).error.fieldErrors).toHaveProperty("lang");
  }, 60_000);
});
