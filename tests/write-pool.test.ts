import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, resultRows } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms, users } from "~/db/schema";
import { loadActor } from "~/server/actor";
import { createCaller } from "~/server/root";
import { createInnerContext } from "~/server/trpc";
import { callerAs, nullMailer } from "./support/context";
import { createTestDatabase } from "./support/db";

// Mutations run on the write pool (server/trpc.ts, db/connect.ts): a few connections of their own.

const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not conduct or knowingly support activity to harm CSIRTs.", "States should not use CSIRTs for malicious activity."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};

/** The same database, counting the statements begun through it (a real database under it). */
function counting(db: Db) {
  const counter = { calls: 0 };
  const begins = new Set(["select", "selectDistinct", "insert", "update", "delete", "execute", "transaction", "with"]);
  const wrapped = new Proxy(db, {
    get(target, key, receiver) {
      if (typeof key === "string" && begins.has(key)) counter.calls++;
      if (key === "query") counter.calls++;
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: wrapped, counter };
}

async function actorOf(db: Db, userId: string) {
  const row = (await db.query.users.findFirst({ where: eq(users.id, userId) }))!;
  return loadActor(db, { userId: row.id, sessionVersion: row.sessionVersion });
}

describe("the write pool", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("takes a call's statements when it is a mutation, and none of a query's", async () => {
    const user = await createUser(database.db);
    const reads = counting(database.db);
    const writes = counting(database.db);
    const caller = createCaller(createInnerContext({ db: reads.db, writeDb: writes.db, actor: await actorOf(database.db, user.id), mailer: nullMailer }));

    await caller.account.me();
    expect(reads.counter.calls).toBeGreaterThan(0);
    expect(writes.counter.calls).toBe(0);

    reads.counter.calls = 0;
    await caller.account.setLocale({ locale: "fr" });
    expect(writes.counter.calls).toBeGreaterThan(0);
    expect(reads.counter.calls).toBe(0);
    const [row] = await database.db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
    expect(row!.locale).toBe("fr");
  });

  it("is the database itself where there is no pool of its own (PGlite, or a pool size of 0)", async () => {
    const user = await createUser(database.db);
    const caller = await callerAs(database.db, user);
    await caller.account.setLocale({ locale: "es" });
    const [row] = await database.db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
    expect(row!.locale).toBe("es");
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("a write pool of one connection on PostgreSQL (skipped unless TEST_DATABASE_URL is set)", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ writePoolMax: 1 });
  });
  afterAll(() => database.close());

  it("is a pool apart: a write waits for its connection, a read does not", async () => {
    expect(database.writeDb).not.toBe(database.db);
    const user = await createUser(database.db);
    const caller = createCaller(createInnerContext({ db: database.db, writeDb: database.writeDb, actor: await actorOf(database.db, user.id), mailer: nullMailer }));
    const events: string[] = [];

    // A main-pool transaction holds a lock; the write pool's one connection waits for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const blocker = database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(424242)`);
      locked();
      await released;
    });
    await isLocked;
    const holder = database.writeDb.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(424242)`);
      events.push("holder");
    });
    // The write pool's connection is now waiting on the lock.
    for (let i = 0; i < 200; i++) {
      const [waiting] = resultRows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 424242 and not granted`));
      if (Number(waiting!.n) > 0) break;
      await database.db.execute(sql`select pg_sleep(0.01)`);
    }

    const mutation = caller.account.setLocale({ locale: "ar" }).then(() => events.push("mutation"));
    await caller.account.me();
    events.push("query");
    // Half a second of round trips on the main pool, in which a write on it would have ended.
    for (let i = 0; i < 50 && !events.includes("mutation"); i++) await database.db.execute(sql`select pg_sleep(0.01)`);
    expect(events).toEqual(["query"]);

    release();
    await Promise.all([blocker, holder, mutation]);
    expect(events).toEqual(["query", "holder", "mutation"]);
  });

  it("runs many writes at once, transactions among them, to the end", async () => {
    const proposer = await createUser(database.db);
    const api = await callerAs(database.db, proposer);
    const { slug } = await api.norms.create({ ...fields, title: "Protecting response teams under load" });
    const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await api.norms.submit({ normId: norm.id });

    const speakers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const user = await createUser(database.db);
        const organization = await createOrganization(database.db, { createdById: user.id, status: "verified" });
        const actor = await actorOf(database.db, user.id);
        return { organization, caller: createCaller(createInnerContext({ db: database.db, writeDb: database.writeDb, actor, mailer: nullMailer })) };
      }),
    );
    // Positions (one statement each) and new norms (a transaction each) at once, on one connection.
    const work = speakers.flatMap(({ organization, caller }, i) => [
      caller.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse" }),
      caller.norms.create({ ...fields, title: `Protecting response teams, draft ${i}` }),
    ]);
    const settled = await Promise.allSettled(work);
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    const [after] = await database.db.select({ positionCount: norms.positionCount }).from(norms).where(eq(norms.id, norm.id));
    expect(after!.positionCount).toBe(8);
  }, 60_000);
});
