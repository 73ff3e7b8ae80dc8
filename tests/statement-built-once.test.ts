// statementBuiltOnce (db/connect.ts): a hot statement's text is built at its first run only, its
// named values are given at each run, and it answers the same rows on PGlite and PostgreSQL, in
// a transaction too.
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Database, openPostgres, statementBuiltOnce } from "~/db/connect";
import { users } from "~/db/schema";
import { createUser } from "~/db/factories";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("a statement built once", () => {
  it("builds its text at the first run only, and fills its values at each", async () => {
    const named = statementBuiltOnce<{ id: string; display_name: string }, { id: string }>(
      (value) => sql`select ${users.id} as id, ${users.displayName} as display_name from ${users} where ${users.id} = ${value.id}::uuid`,
    );
    const first = await createUser(database.db, { displayName: "First Person" });
    const second = await createUser(database.db, { displayName: "Second Person" });
    // The texts built by the dialect while `run` runs (the other statements here build theirs too).
    const building = vi.spyOn(PgDialect.prototype, "sqlToQuery");
    const built = async <T>(run: () => Promise<T>) => {
      building.mockClear();
      const result = await run();
      return { result, built: building.mock.calls.length };
    };
    try {
      expect(await built(() => named(database.db, { id: first.id }))).toEqual({ result: [{ id: first.id, display_name: "First Person" }], built: 1 });
      expect(await built(() => named(database.db, { id: second.id }))).toEqual({ result: [{ id: second.id, display_name: "Second Person" }], built: 0 });
      // And in a transaction, which sees its own writes.
      await database.db.transaction(async (tx) => {
        await tx.update(users).set({ displayName: "Renamed Person" }).where(sql`${users.id} = ${second.id}`);
        expect(await built(() => named(tx, { id: second.id }))).toEqual({ result: [{ id: second.id, display_name: "Renamed Person" }], built: 0 });
      });
    } finally {
      building.mockRestore();
    }
  });

  it("refuses to run without one of its values, rather than send a null", async () => {
    const named = statementBuiltOnce<{ n: number }, { a: number; b: number }>((value) => sql`select ${value.a}::int + ${value.b}::int as n`);
    expect(await named(database.db, { a: 40, b: 2 })).toEqual([{ n: 42 }]);
    // The types ask for both; a caller that gets round them is still refused.
    await expect(named(database.db, { a: 40 } as { a: number; b: number })).rejects.toThrow(/"b"/);
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("a statement built once, on PostgreSQL", () => {
  const preparedTexts = async (db: Database["db"]) =>
    ((await db.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[]).map((r) => r.statement);
  const sum = statementBuiltOnce<{ n: number }, { a: number; b: number }>((value) => sql`select ${value.a}::int * 100 + ${value.b}::int as n`);

  it("is prepared on the connection, as every statement with values is", async () => {
    const one = openPostgres(url!, { max: 1 });
    try {
      expect(await sum(one.db, { a: 4, b: 2 })).toEqual([{ n: 402 }]);
      expect((await preparedTexts(one.db)).filter((t) => t.includes("$1::int * 100 + $2::int as n"))).toHaveLength(1);
    } finally {
      await one.close();
    }
  });

  it("is sent unprepared behind a pooler that cannot keep prepared statements", async () => {
    const one = openPostgres(url!, { max: 1, prepare: false });
    try {
      expect(await sum(one.db, { a: 1, b: 7 })).toEqual([{ n: 107 }]);
      expect((await preparedTexts(one.db)).filter((t) => t.includes("$1::int * 100 + $2::int as n"))).toEqual([]);
    } finally {
      await one.close();
    }
  });
});
