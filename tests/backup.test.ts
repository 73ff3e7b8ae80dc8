import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPostgres } from "~/db/connect";
import { normPositionHistory, normPositions, stocktakeRevisions } from "~/db/schema";
import { seedDemo } from "~/db/seed";
import { sha256 } from "~/server/domain/stocktake-snapshot";
import { createTestDatabase } from "./support/db";
import { withDatabase } from "./support/db-names";

// The backup procedure in docs/operations.md, run for real: pg_dump in the custom format, then
// pg_restore into a fresh database. Needs PostgreSQL (TEST_DATABASE_URL) and its client tools;
// without either the test says so and is skipped.
const url = process.env.TEST_DATABASE_URL;
const tool = (name: string) => ["/usr/bin", ...listPgBins()].map((dir) => path.join(dir, name)).find((p) => existsSync(p));
function listPgBins() {
  try {
    return execFileSync("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin 2>/dev/null"], { encoding: "utf8" }).split("\n").filter(Boolean).reverse();
  } catch {
    return [];
  }
}
const pgDump = tool("pg_dump");
const pgRestore = tool("pg_restore");
const why = !url ? "TEST_DATABASE_URL is unset" : !pgDump || !pgRestore ? "pg_dump/pg_restore are not installed" : null;

let source: Database;
let restored: Database | undefined;
const restoredName = `nf_test_restore_${process.pid}`;
const folder = mkdtempSync(path.join(tmpdir(), "nf-backup-"));

beforeAll(async () => {
  if (why) return;
  source = await createTestDatabase();
  await seedDemo(source.db);
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (why) return;
  await restored?.close();
  await source.close();
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
  await admin.end();
});

describe.skipIf(!!why)(`backup and restore (${why ? `skipped: ${why}` : "pg_dump and pg_restore"})`, () => {
  it("restores into a fresh database every published stock-take with the same SHA-256, and every position", async () => {
    const [current] = (await source.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    const sourceUrl = withDatabase(url!, current!.name);
    const dump = path.join(folder, "normsforum.dump");
    execFileSync(pgDump!, ["--format=custom", "--no-owner", "--file", dump, sourceUrl]);

    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${restoredName}`);
    await admin.end();
    execFileSync(pgRestore!, ["--no-owner", "--exit-on-error", "--dbname", withDatabase(url!, restoredName), dump]);
    restored = openPostgres(withDatabase(url!, restoredName), { max: 2 });

    const revisions = (db: Database) =>
      db.db
        .select({ id: stocktakeRevisions.id, sha256: stocktakeRevisions.sha256, snapshot: stocktakeRevisions.snapshot })
        .from(stocktakeRevisions)
        .orderBy(asc(stocktakeRevisions.id));
    const before = await revisions(source);
    const after = await revisions(restored);
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((r) => [r.id, r.sha256])).toEqual(before.map((r) => [r.id, r.sha256]));
    // The restored bytes still hash to the published value.
    for (const r of after) expect(sha256(r.snapshot)).toBe(r.sha256);

    const positions = (db: Database) => db.db.select().from(normPositions).orderBy(asc(normPositions.normId), asc(normPositions.organizationId));
    const history = (db: Database) => db.db.select().from(normPositionHistory).orderBy(asc(normPositionHistory.id));
    const positionsBefore = await positions(source);
    expect(positionsBefore.length).toBeGreaterThan(0);
    expect(await positions(restored)).toEqual(positionsBefore);
    expect(await history(restored)).toEqual(await history(source));

    // The restored database keeps its guards: a published revision still cannot be changed.
    await expect(restored.db.update(stocktakeRevisions).set({ erratum: "tampered" }).where(eq(stocktakeRevisions.id, after[0]!.id))).rejects.toThrow();
  }, 240_000);
});
