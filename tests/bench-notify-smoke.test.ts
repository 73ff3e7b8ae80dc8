// `npm run bench:notify` (scripts/bench-notify/run.ts) at its smoke size, so it cannot rot: on
// PostgreSQL only (it starts the pg-boss queue on its own pool), so skipped unless TEST_DATABASE_URL
// is set. Checks that every measure ran and that the write measured on the followed norm is one that
// notifies all its followers; not the timings (too few samples here to mean anything).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { benchNotify, formatTable, type NotifyBenchResult, reportRows, SMOKE, summaryLine } from "~/scripts/bench-notify/run";
import { createTestDatabase } from "./support/db";

describe.skipIf(!process.env.TEST_DATABASE_URL)("bench:notify at smoke size", () => {
  let database: Database;
  let result: NotifyBenchResult;
  beforeAll(async () => {
    database = await createTestDatabase();
    result = await benchNotify(database, SMOKE);
  }, 120_000);
  afterAll(() => database?.close());

  it("times both writes on a norm without followers and on one with them, and the write measured notifies every follower", () => {
    expect(result.writes.map((w) => [w.write, w.notifiesFollowers])).toEqual([
      ["publish a new version (norms.revise)", true],
      ["record a position (positions.record)", false],
    ]);
    for (const w of result.writes) {
      expect(w.none.n).toBe(SMOKE.reps);
      expect(w.followed.n).toBe(SMOKE.reps);
      expect(w.ratio).toBeGreaterThan(0);
    }
    // Every follower, and the representative whose organisation took a position (it follows the norm).
    expect(result.fanOut.notifiedByOneVersion).toBe(SMOKE.followers + 1);
    // 10% of the followers are mailed at once; the representative's "reaffirm needed" is mailed at once too.
    expect(result.fanOut.mailsPerVersion).toBe(SMOKE.followers / 10 + 1);
    expect(result.fanOut.notificationsPerSecond).toBeGreaterThan(0);
  });

  it("sends mail in the raw loop three ways and through the real queue", () => {
    expect(result.rawSend.map((r) => r.mails)).toEqual([SMOKE.rawMails, SMOKE.rawMails, SMOKE.rawMails]);
    expect(result.queue).toMatchObject({ sent: SMOKE.queueMails, timedOut: false });
    expect(result.queue.mailsPerSecond).toBeGreaterThan(0);
  });

  it("reports a table with a target for each ratio and one summary line", () => {
    const rows = reportRows(result);
    expect(rows.filter((r) => r.met !== null).map((r) => r.target)).toEqual(["≤ 1.2", "≤ 1.2", `≥ ${SMOKE.followers}`]);
    expect(formatTable(result).split("\n")[0]).toMatch(/^measure +\| value +\| target +\| met\?$/);
    expect(summaryLine(result)).toMatch(/^bench:notify (PASS|FAIL): new version [\d.]+× with 300 followers; fan-out [\d,]+ notifications\/s; sending/);
  });
});
