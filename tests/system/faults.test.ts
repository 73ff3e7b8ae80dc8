import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPostgres } from "~/db/connect";
import { normPositionHistory, normPositions, norms, organizations } from "~/db/schema";
import { builtAppMissing, createSeededDatabase, privateClusterUnavailable, type RunningApp, signIn, startApp, startPrivateCluster, trpc } from "./support";

// The built app on a PostgreSQL cluster of the test's own, under a steady load of reads and
// writes, while the database is stopped for a few seconds and started again.
const why = builtAppMissing() ?? privateClusterUnavailable();

let cluster: Awaited<ReturnType<typeof startPrivateCluster>>;
let app: RunningApp;
let database: Database;
let dbUrl: string;

beforeAll(async () => {
  if (why) return;
  cluster = await startPrivateCluster();
  dbUrl = (await createSeededDatabase(cluster.url, "nf_faults")).url;
  app = await startApp(dbUrl, { DATABASE_POOL_MAX: "5" });
  database = openPostgres(dbUrl, { max: 2 });
}, 180_000);

afterAll(async () => {
  if (why) return;
  await app?.stop();
  await database?.close().catch(() => {});
  cluster?.destroy();
});

interface Outcome {
  kind: "read" | "write" | "health";
  status: number;
  retryAfter: string | null;
  ms: number;
  /** For a write the app reported as saved: what it saved. */
  saved?: { stance: string; sequence: number };
  hung?: boolean;
}

describe.skipIf(!!why)(`a database outage under load (${why ? `skipped: ${why}` : "private PostgreSQL cluster"})`, () => {
  it("answers 503 with Retry-After while the database is down, recovers by itself, and loses no reported write", async () => {
    const { cookie, signedIn } = await signIn(app.url, "rep@demo.normsforum.example");
    expect(signedIn).toBe(true);
    const [org] = await database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, "Ministry of Foreign Affairs of Kenya"));
    const [norm] = await database.db.select({ id: norms.id, slug: norms.slug }).from(norms).where(eq(norms.status, "consultation")).orderBy(asc(norms.createdAt)).limit(1);
    expect(org && norm).toBeTruthy();

    const outcomes: Outcome[] = [];
    let stopLoad = false;
    let toggle = 0;
    async function timed(kind: Outcome["kind"], call: () => Promise<Omit<Outcome, "kind" | "ms">>) {
      const started = Date.now();
      try {
        outcomes.push({ kind, ms: Date.now() - started, ...(await call()) });
      } catch {
        // Aborted after 12 s: the app hung instead of answering.
        outcomes.push({ kind, status: 0, retryAfter: null, ms: Date.now() - started, hung: true });
      }
    }
    async function worker(n: number) {
      while (!stopLoad) {
        if (n % 2 === 0) {
          await timed("read", async () => {
            const r = await fetch(`${app.url}/api/v1/norms?limit=5`, { signal: AbortSignal.timeout(12_000) });
            await r.arrayBuffer();
            return { status: r.status, retryAfter: r.headers.get("retry-after") };
          });
        } else {
          const stance = toggle++ % 2 === 0 ? "endorse" : "abstain";
          await timed("write", async () => {
            const r = await trpc<{ sequence: number; changed: boolean }>(app.url, "positions.record", { normId: norm!.id, organizationId: org!.id, stance, statement: "" }, { cookie, mutation: true, timeoutMs: 12_000 });
            return { status: r.status, retryAfter: r.headers.get("retry-after"), saved: r.status === 200 && r.data?.changed ? { stance, sequence: r.data.sequence } : undefined };
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const health = async () => {
      const r = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(12_000) });
      return { status: r.status, retryAfter: r.headers.get("retry-after"), body: (await r.json()) as { db: string } };
    };

    const load = Promise.all([0, 1, 2, 3].map((n) => worker(n)));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const before = outcomes.length;
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(0);

    cluster.stop();
    const outageStarted = outcomes.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.db).toBe("unreachable");
    expect(down.retryAfter).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const duringOutage = outcomes.slice(outageStarted);

    cluster.start();
    const restarted = Date.now();
    let recoveredAfter = Infinity;
    while (Date.now() - restarted < 15_000) {
      if ((await health().catch(() => ({ status: 0 }))).status === 200) {
        recoveredAfter = Date.now() - restarted;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Load goes on for a moment after recovery: writes must succeed again.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    stopLoad = true;
    await load;

    expect(recoveredAfter).toBeLessThanOrEqual(5000);
    expect(before).toBeGreaterThan(0);
    // No request hung, and nothing but answers and "unavailable, retry after" came back.
    expect(outcomes.filter((o) => o.hung)).toEqual([]);
    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 503 && !o.retryAfter)).toEqual([]);
    expect(duringOutage.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    expect(duringOutage.some((o) => o.kind === "read" && o.status === 503)).toBe(true);
    expect(duringOutage.some((o) => o.kind === "write" && o.status === 503)).toBe(true);
    const lastWrites = outcomes.filter((o) => o.kind === "write").slice(-3);
    expect(lastWrites.some((o) => o.status === 200)).toBe(true);

    // Every write reported as saved is in the history; the history has no gap; the current row is its last entry.
    const history = await database.db
      .select({ sequence: normPositionHistory.sequence, stance: normPositionHistory.stance })
      .from(normPositionHistory)
      .where(and(eq(normPositionHistory.normId, norm!.id), eq(normPositionHistory.organizationId, org!.id)))
      .orderBy(asc(normPositionHistory.sequence));
    const saved = outcomes.flatMap((o) => (o.saved ? [o.saved] : []));
    expect(saved.length).toBeGreaterThan(2);
    for (const s of saved) expect(history.find((h) => h.sequence === s.sequence)?.stance).toBe(s.stance);
    expect(history.map((h) => h.sequence)).toEqual(history.map((_, i) => i + 1));
    const [current] = await database.db
      .select({ sequence: normPositions.sequence, stance: normPositions.stance })
      .from(normPositions)
      .where(and(eq(normPositions.normId, norm!.id), eq(normPositions.organizationId, org!.id)));
    expect(current).toEqual(history.at(-1));
    // The app process survived throughout.
    expect(app.process.exitCode).toBeNull();
  }, 120_000);
});
