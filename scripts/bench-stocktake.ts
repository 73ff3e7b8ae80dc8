// `npm run bench:stocktake [-- --runs N] [--cover busiest|default] [--out FILE] [--json]`: the stock-take measures of issue 15 on DATABASE_URL (a
// database filled by `npm run seed:large`), in process, run by `npm run bench:http` too:
//   - the figures: the report exactly as it would be published now (previewReport: every covered
//     norm's positions as they stood when the window closed, the measures, the snapshot and hash);
//   - publishing: publishStocktake itself (snapshot, hash, the PDF, the CSV, the revision written),
//     on a PDF thread warmed as the secretariat's pages warm it (preparePublication);
//   - the PDF alone, for the same snapshot: on a thread just started, then on a warm one.
// Everything runs inside one transaction that is rolled back, so the database is left as it was:
// on a seeded database it publishes a correction of the latest published year; on one without a
// published stock-take it opens a closed one covering the 50 norms in endorsement or concluded with
// the most positions, and every reference norm. `--cover busiest` does that on a seeded database
// too; `--cover default` opens one with the default coverage instead (the most a stock-take covers).
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { type Db, openPostgres } from "~/db/connect";
import { norms, stocktakeRevisions, stocktakes, users } from "~/db/schema";
import type { Actor } from "~/server/policy";
import { openStocktake, previewReport, publishStocktake } from "~/server/domain/stocktakes";
import { STOCKTAKE_MAX_NORMS } from "~/server/schemas/stocktakes";
import { renderReportPdfInWorker, stopPdfWorker, warmPdfWorker } from "~/server/stocktake-pdf/in-worker";

export const STOCKTAKE_TARGETS = { figuresMs: 2000, publishMs: 10_000 };

const { values: args } = parseArgs({ options: { json: { type: "boolean", default: false }, runs: { type: "string", default: "3" }, cover: { type: "string", default: "" }, "skip-pdf": { type: "boolean", default: false }, dump: { type: "string" }, out: { type: "string" } }, strict: true });
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("bench:stocktake: needs DATABASE_URL, a postgres:// database filled by `npm run seed:large`.");
  process.exit(1);
}
const runs = Math.max(1, Number(args.runs) || 3);
const database = openPostgres(url, { max: 2 });

class Rollback extends Error {}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await f();
  return [performance.now() - t0, result];
}

interface StocktakeBench {
  year: number;
  scenario: string;
  items: number;
  positions: number;
  organizations: number;
  snapshotBytes: number;
  pdfBytes: number;
  pdfPages: number;
  figuresMs: number;
  pdfMs: number;
  coldPdfMs: number;
  publishMs: number;
}

let result: StocktakeBench | null = null;
try {
  await database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [staffRow] = await db.select().from(users).where(eq(users.role, "secretariat")).orderBy(users.createdAt, users.id).limit(1);
    if (!staffRow) throw new Error("The database has no secretariat account; fill it with `npm run seed:large`.");
    const staff: Actor = { id: staffRow.id, email: staffRow.email, displayName: staffRow.displayName, role: "secretariat", suspension: null };
    const [latest] = await db
      .select({ year: stocktakes.year })
      .from(stocktakeRevisions)
      .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId))
      .orderBy(desc(stocktakes.year))
      .limit(1);
    let year: number;
    let scenario: string;
    if (latest && !args.cover) {
      year = latest.year;
      scenario = `a correction of the published ${year} report`;
    } else {
      const [last] = await db.select({ year: stocktakes.year }).from(stocktakes).orderBy(desc(stocktakes.year)).limit(1);
      year = Math.max(2000, (last?.year ?? 2000) + 1);
      if (args.cover === "default") {
        // What the secretariat gets by default: the most-positioned norms up to the bound (STOCKTAKE_MAX_NORMS).
        const opened = await openStocktake(db, staff, { year, opensOn: "2026-06-01", closesOn: "2026-08-31" });
        scenario = `a closed stock-take with the default coverage (${opened.items} items: the ${STOCKTAKE_MAX_NORMS} most-positioned norms in endorsement or concluded at most, and every reference norm)`;
      } else {
        const busiest = await db
          .select({ id: norms.id })
          .from(norms)
          .where(and(inArray(norms.status, ["endorsement", "concluded"]), isNotNull(norms.submittedAt)))
          .orderBy(desc(norms.positionCount), norms.id)
          .limit(50);
        await openStocktake(db, staff, { year, opensOn: "2026-06-01", closesOn: "2026-08-31", normIds: busiest.map((n) => n.id) });
        scenario = `a closed stock-take of the ${busiest.length} busiest norms in endorsement or concluded and every reference norm`;
      }
    }
    const figures: number[] = [];
    let preview!: Awaited<ReturnType<typeof previewReport>>;
    for (let i = 0; i < runs; i++) {
      const [ms, p] = await time(() => previewReport(db, year));
      figures.push(ms);
      preview = p;
    }
    if (args.dump) writeFileSync(args.dump, JSON.stringify(preview));
    const pdfTimes: number[] = [];
    let pdf!: Buffer;
    let coldPdfMs = Number.NaN;
    let publishMs = Number.NaN;
    if (!args["skip-pdf"]) {
      // First on a thread just started, as the first publication after a start met it before the
      // pages warmed the thread; then `runs` times on that thread.
      await stopPdfWorker();
      [coldPdfMs, pdf] = await time(() => renderReportPdfInWorker(preview.snapshot, preview.sha256));
      for (let i = 0; i < runs; i++) {
        const [ms, bytes] = await time(() => renderReportPdfInWorker(preview.snapshot, preview.sha256));
        pdfTimes.push(ms);
        pdf = bytes;
      }
      // Publishing as the secretariat meets it: on a thread the year's page has warmed
      // (preparePublication), which has rendered the sample report and never this one.
      await stopPdfWorker();
      await warmPdfWorker();
      [publishMs] = await time(() =>
        publishStocktake(db, staff, { year, erratum: latest ? "Benchmark run: this revision is rolled back." : undefined }, renderReportPdfInWorker),
      );
    }
    const snapshot = preview.snapshot;
    result = {
      year,
      scenario,
      items: snapshot.items.length,
      positions: snapshot.items.reduce((n, i) => n + ("positions" in i && Array.isArray(i.positions) ? i.positions.length : (i.measures?.counts.total ?? 0) + (i.measures?.uncounted ?? 0)), 0),
      organizations: snapshot.organizations.length,
      snapshotBytes: Buffer.byteLength(JSON.stringify(snapshot)),
      pdfBytes: pdf?.length ?? 0,
      pdfPages: pdf ? (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length : 0,
      figuresMs: median(figures),
      pdfMs: pdfTimes.length ? median(pdfTimes) : Number.NaN,
      coldPdfMs,
      publishMs,
    };
    throw new Rollback();
  });
} catch (error) {
  if (!(error instanceof Rollback)) {
    console.error(`bench:stocktake: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
} finally {
  await stopPdfWorker();
  await database.close();
}

if (result) {
  const r = result as StocktakeBench;
  const met = { figures: r.figuresMs <= STOCKTAKE_TARGETS.figuresMs, publishing: r.publishMs <= STOCKTAKE_TARGETS.publishMs };
  if (args.out) writeFileSync(args.out, `${JSON.stringify({ ...r, targets: STOCKTAKE_TARGETS, met }, null, 2)}\n`);
  if (args.json) console.log(JSON.stringify({ ...r, targets: STOCKTAKE_TARGETS, met }));
  else {
    const ms = (n: number) => (Number.isNaN(n) ? "—" : `${Math.round(n).toLocaleString("en-GB")} ms`);
    const yes = (ok: boolean, n: number) => (Number.isNaN(n) ? "—" : ok ? "yes" : "no");
    console.log();
    console.log(`Stock-take ${r.year}: ${r.scenario}`);
    console.log(`${r.items} items, ${r.positions.toLocaleString("en-GB")} positions, ${r.organizations.toLocaleString("en-GB")} organisations; snapshot ${(r.snapshotBytes / 1e6).toFixed(1)} MB, PDF ${r.pdfPages} pages (${(r.pdfBytes / 1e6).toFixed(1)} MB)`);
    console.log("| measure | time | target | met? |");
    console.log("|---|---|---|---|");
    console.log(`| a stock-take's figures (previewReport), median of ${runs} | ${ms(r.figuresMs)} | ≤ ${STOCKTAKE_TARGETS.figuresMs.toLocaleString("en-GB")} ms | ${yes(met.figures, r.figuresMs)} |`);
    console.log(`| publishing: snapshot, hash, PDF, CSV, stored (publishStocktake) | ${ms(r.publishMs)} | ≤ ${STOCKTAKE_TARGETS.publishMs.toLocaleString("en-GB")} ms | ${yes(met.publishing, r.publishMs)} |`);
    console.log(`| the PDF alone on a thread that has rendered it before, median of ${runs}, for information | ${ms(r.pdfMs)} | — | — |`);
    console.log(`| the PDF alone on a thread just started (not warmed), for information | ${ms(r.coldPdfMs)} | — | — |`);
    console.log(`bench:stocktake: ${Number(met.figures) + Number(met.publishing)} of 2 targets met`);
  }
}
