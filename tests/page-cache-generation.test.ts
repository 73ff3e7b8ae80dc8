// The public generation (migration 0017) that every app instance reads before serving a cached
// page: every committed write to a table a public page may show moves it on, once per transaction;
// a rolled-back one, or a write to a private table, does not. And the next time rule a cached page
// ends at (server/page-cache/deadlines.ts).
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { organizations, rateLimits, stocktakes } from "~/db/schema";
import { emptyNarrative } from "~/server/domain/stocktakes";
import { nextChange, nextMidnightUtc, nextRuleChange } from "~/server/page-cache/deadlines";
import { readGeneration } from "~/server/page-cache/postgres";
import { PRIVATE_TABLES } from "~/server/page-cache/tables";
import { createTestDatabase } from "./support/db";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

describe("the public generation", () => {
  it("is moved on by every table but the private ones, and by no table twice", async () => {
    const rows = await db.execute<{ table_name: string; triggers: string }>(sql`
      select c.relname as table_name,
             (select count(*) from pg_trigger t where t.tgrelid = c.oid and t.tgname like 'public_generation_bump%')::text as triggers
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);
    const list = ((rows as unknown as { rows?: typeof rows }).rows ?? rows) as unknown as { table_name: string; triggers: string }[];
    expect(list.length).toBeGreaterThan(30);
    const wrong = list
      .filter((r) => (PRIVATE_TABLES as readonly string[]).includes(r.table_name) !== (r.triggers === "0"))
      .map((r) => `${r.table_name}: ${r.triggers} trigger(s)`);
    // A table here is new: add the trigger in a migration, or list it in PRIVATE_TABLES if no
    // public page can ever show it.
    expect(wrong).toEqual([]);
    expect(list.filter((r) => r.triggers !== "0").every((r) => r.triggers === "2")).toBe(true);
  });

  it("moves on once for a committed transaction however many rows it wrote", async () => {
    const owner = await createUser(db, {});
    const before = await readGeneration(db);
    await db.transaction(async (tx) => {
      await createOrganization(tx, { name: "Generation Institute", createdById: owner.id });
      await createOrganization(tx, { name: "Generation Council", createdById: owner.id });
      await tx.update(organizations).set({ website: "https://example.org" }).where(eq(organizations.name, "Generation Council"));
    });
    expect(await readGeneration(db)).toBe(before + 1);
  });

  it("does not move for a rolled-back write, nor for a private table", async () => {
    const owner = await createUser(db, {});
    const before = await readGeneration(db);
    await expect(
      db.transaction(async (tx) => {
        await createOrganization(tx, { name: "Never Was", createdById: owner.id });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await db.insert(rateLimits).values({ key: "page-cache-test", points: 1 });
    expect(await readGeneration(db)).toBe(before);
  });

  it("adds to the row of the connection that writes, and is the sum of its 16 rows (migration 0044)", async () => {
    const owner = await createUser(db, {});
    const list = async <T>(query: ReturnType<typeof sql>, on: Pick<Db, "execute"> = db) => {
      const result = await on.execute(query);
      return ((result as unknown as { rows?: T[] }).rows ?? result) as unknown as T[];
    };
    const shards = async () => new Map((await list<{ id: number; generation: string | number }>(sql`select id, generation from public_generation`)).map((r) => [Number(r.id), Number(r.generation)]));
    const before = await shards();
    expect([...before.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    let shard = 0;
    await db.transaction(async (tx) => {
      shard = Number((await list<{ shard: number }>(sql`select 1 + pg_backend_pid() % 16 as shard`, tx))[0]!.shard);
      await createOrganization(tx, { name: "Shard Institute", createdById: owner.id });
    });
    const after = await shards();
    for (const [id, generation] of before) expect(after.get(id), `row ${id}`).toBe(id === shard ? generation + 1 : generation);
    expect(await readGeneration(db)).toBe([...after.values()].reduce((a, b) => a + b, 0));
  });
});

describe("the next time rule", () => {
  const now = new Date("2031-03-10T15:00:00Z");

  it("is the next opening or end of a stock-take window not closed already, and at the latest midnight UTC", async () => {
    const secretariat = await createUser(db, { role: "secretariat" });
    expect(await nextRuleChange(db, now)).toBeNull();
    expect(await nextChange(db, now)).toEqual(new Date("2031-03-11T00:00:00Z"));
    await db.insert(stocktakes).values({ year: 2031, opensOn: "2031-02-01", closesOn: "2031-03-20", narrative: emptyNarrative(), createdById: secretariat.id });
    await db.insert(stocktakes).values({ year: 2032, opensOn: "2031-03-25", closesOn: "2031-04-30", narrative: emptyNarrative(), createdById: secretariat.id });
    // The 2031 window ends after 20 March (inclusive), at 00:00 UTC on the 21st.
    expect(await nextRuleChange(db, now)).toEqual(new Date("2031-03-21T00:00:00Z"));
    expect(await nextRuleChange(db, new Date("2031-03-21T00:00:00Z"))).toEqual(new Date("2031-03-25T00:00:00Z"));
    // Closed early by the secretariat: its end is no longer a rule (closing was a write).
    await db.update(stocktakes).set({ closedAt: now }).where(eq(stocktakes.year, 2031));
    expect(await nextRuleChange(db, now)).toEqual(new Date("2031-03-25T00:00:00Z"));
    expect(await nextChange(db, now)).toEqual(nextMidnightUtc(now));
  });
});
