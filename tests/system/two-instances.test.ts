import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Database, openPostgres } from "~/db/connect";
import { norms, stocktakeReportPdfs, stocktakeRevisions, stocktakes } from "~/db/schema";
import { builtAppMissing, createSeededDatabase, type RunningApp, signIn, startApp, trpc } from "./support";

// Two app processes, as behind a load balancer, on one PostgreSQL database: what one knows the
// other must know too (sessions, rate limits, a publication under way, the pages each has cached).
const serverUrl = process.env.TEST_DATABASE_URL;
const why = builtAppMissing() ?? (serverUrl ? null : "TEST_DATABASE_URL is unset (two instances need PostgreSQL)");

let a: RunningApp;
let b: RunningApp;
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  if (why) return;
  const seeded = await createSeededDatabase(serverUrl!, "nf_system_two_instances");
  drop = seeded.drop;
  [a, b] = await Promise.all([startApp(seeded.url), startApp(seeded.url)]);
  database = openPostgres(seeded.url, { max: 2 });
}, 240_000);

afterAll(async () => {
  if (why) return;
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.close();
  await drop?.();
});

describe.skipIf(!!why)(`two app instances on one database (${why ? `skipped: ${why}` : "PostgreSQL"})`, () => {
  it("a session begun on one instance works on the other, and signing out everywhere ends it on both", async () => {
    // Each serves /api/trpc itself, without Next.js's router (server/trpc-direct.ts), so the calls
    // below go that way.
    for (const app of [a, b]) expect(app.output()).toContain("/api/trpc served directly");
    const { cookie, signedIn } = await signIn(a.url, "member@demo.normsforum.example");
    expect(signedIn).toBe(true);
    const onB = await trpc<{ email: string }>(b.url, "account.me", undefined, { cookie });
    expect(onB.status).toBe(200);
    expect(onB.data?.email).toBe("member@demo.normsforum.example");
    expect((await trpc(b.url, "account.signOutEverywhere", undefined, { cookie, mutation: true })).status).toBe(200);
    const afterOnA = await trpc(a.url, "account.me", undefined, { cookie });
    expect(afterOnA.error?.code).toBe("UNAUTHORIZED");
  });

  it("shares rate limits: comments counted on one instance count on the other", async () => {
    const { cookie } = await signIn(a.url, "rep2@demo.normsforum.example");
    const [norm] = await database.db.select({ id: norms.id }).from(norms).where(eq(norms.status, "consultation")).orderBy(asc(norms.createdAt)).limit(1);
    const post = (app: RunningApp, n: number) => trpc(app.url, "comments.create", { normId: norm!.id, body: `Comment number ${n} on the shared limit.` }, { cookie, mutation: true });
    // The limit is 10 new comments per 10 minutes per person: five on each instance fill it.
    for (let n = 1; n <= 10; n++) {
      const r = await post(n % 2 === 0 ? a : b, n);
      expect(r.status, `comment ${n}: ${r.error?.message}`).toBe(200);
    }
    const refusedOnA = await post(a, 11);
    const refusedOnB = await post(b, 12);
    expect([refusedOnA.error?.code, refusedOnB.error?.code]).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
  });

  it("a stock-take publication started on one instance cannot be started again on the other", async () => {
    const { cookie: onA } = await signIn(a.url, "secretariat@demo.normsforum.example");
    const { cookie: onB } = await signIn(b.url, "admin@demo.normsforum.example");
    const [open] = await database.db
      .select({ id: stocktakes.id, year: stocktakes.year })
      .from(stocktakes)
      .leftJoin(stocktakeRevisions, eq(stocktakeRevisions.stocktakeId, stocktakes.id))
      .where(and(isNull(stocktakeRevisions.id)))
      .limit(1);
    expect(open).toBeTruthy();
    expect((await trpc(a.url, "stocktakes.close", { year: open!.year }, { cookie: onA, mutation: true })).status).toBe(200);
    const [first, second] = await Promise.all([
      trpc(a.url, "stocktakes.publish", { year: open!.year }, { cookie: onA, mutation: true, timeoutMs: 120_000 }),
      trpc(b.url, "stocktakes.publish", { year: open!.year }, { cookie: onB, mutation: true, timeoutMs: 120_000 }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses, `${first.error?.message} / ${second.error?.message}`).toEqual([200, 409]);
    expect([first, second].find((r) => r.status === 409)?.error?.message).toMatch(/already being published|published meanwhile/);
    expect(await database.db.$count(stocktakeRevisions, eq(stocktakeRevisions.stocktakeId, open!.id))).toBe(1);
  });

  it("a page cached on one instance is not served after a write on the other", async () => {
    const [norm] = await database.db
      .select({ id: norms.id, slug: norms.slug })
      .from(norms)
      .where(eq(norms.status, "consultation"))
      .orderBy(asc(norms.createdAt))
      .offset(1)
      .limit(1);
    // The report's PDFs in the other languages are rendered after publishing, by a job on either
    // instance; each stored one is a public write. Wait until every revision has all six, so that
    // the writes this test counts on are its own.
    await vi.waitFor(
      async () => {
        const [revisions, pdfs] = await Promise.all([database.db.$count(stocktakeRevisions), database.db.$count(stocktakeReportPdfs)]);
        expect(pdfs).toBe(revisions * 6);
      },
      { timeout: 120_000, interval: 500 },
    );
    const page = (app: RunningApp, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/norms/${norm!.slug}`, { headers }).then(async (r) => ({ status: r.status, cache: r.headers.get("x-page-cache"), html: await r.text() }));
    // Kept on both instances: the second visit to each is served from its cache.
    for (const app of [a, b]) {
      await page(app);
      expect((await page(app)).cache).toBe("hit");
    }
    const { cookie } = await signIn(a.url, "rep@demo.normsforum.example");
    const body = `A comment written on instance A at ${Date.now()}.`;
    const posted = await trpc(a.url, "comments.create", { normId: norm!.id, body }, { cookie, mutation: true });
    expect(posted.status, posted.error?.message).toBe(200);
    const onB = await page(b);
    expect(onB.cache).toBe("miss");
    expect(onB.html).toContain(body);
    expect((await page(b)).cache).toBe("hit");
    expect((await page(a)).html).toContain(body);
    // Someone signed in always gets a page rendered for them.
    const signedIn = await page(b, { cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.cache).toBeNull();
  }, 240_000);
});
