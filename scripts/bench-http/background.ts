// What the app does by itself after it starts, which bench:http waits out before measuring.
//
// At start, the app's job queue renders every published revision's report PDF in the languages it
// lacks (server/domain/stocktake-report-pdfs.ts). A database just filled by `npm run seed:large`
// holds each revision in its authoritative language only, so the first start after seeding spends
// minutes of one of this machine's two cores on PDF layout (50 reports at scale 1): every measure
// taken meanwhile, the baselines' included, would share the processor with it.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "~/db/connect";
import * as schema from "~/db/schema";
import { missingReportPdfCount } from "~/server/domain/stocktake-report-pdfs";

/**
 * Waits until no published revision lacks a language's PDF, or `timeoutMs` has passed, saying what
 * it waits for. Returns how long it waited and how many were still missing (0 when the app caught up).
 */
export async function waitForReportPdfs(databaseUrl: string, { timeoutMs, pollMs = 1000, say }: { timeoutMs: number; pollMs?: number; say: (line: string) => void }) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  try {
    const started = Date.now();
    let missing = await missingReportPdfCount(db);
    if (missing > 0) say(`Waiting for the app to render ${missing} report PDF${missing === 1 ? "" : "s"} that published stock-takes lack in other languages (its job queue does so at start)…`);
    let told = missing;
    while (missing > 0 && Date.now() - started < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      missing = await missingReportPdfCount(db);
      if (missing > 0 && told - missing >= 10) {
        say(`  ${missing} still to render`);
        told = missing;
      }
    }
    return { waitedMs: Date.now() - started, reportPdfsMissing: missing };
  } finally {
    await client.end({ timeout: 2 });
  }
}
