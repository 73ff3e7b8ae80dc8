// Statements with parameters are prepared once per connection on PostgreSQL (db/connect.ts), in
// and out of transactions, and give the same results as unprepared ones.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Database, openPostgres } from "~/db/connect";

const url = process.env.TEST_DATABASE_URL;

/** Rows of a statement sent with db.execute. */
const rows = async <T>(result: Promise<unknown>) => (await result) as T[];

const preparedTexts = async (database: Database) =>
  (await rows<{ statement: string }>(database.db.execute(sql`select statement from pg_prepared_statements`))).map((r) => r.statement);

describe.skipIf(!url)("prepared statements", () => {
  it("prepares a statement with parameters once per connection, in a transaction and a savepoint too", async () => {
    const database = openPostgres(url!, { max: 1 });
    try {
      const { db } = database;
      const ask = () => rows<{ answer: string }>(db.execute(sql`select ${"prepared once"}::text as answer`));
      expect((await ask())[0]).toEqual({ answer: "prepared once" });
      await ask();
      expect((await preparedTexts(database)).filter((t) => t.includes("$1::text as answer"))).toHaveLength(1);
      await db.transaction(async (tx) => {
        expect((await rows<{ n: number }>(tx.execute(sql`select ${41}::int + 1 as n`)))[0]).toEqual({ n: 42 });
        await tx.transaction(async (inner) => {
          expect((await rows<{ n: number }>(inner.execute(sql`select ${1}::int + ${1}::int as n`)))[0]).toEqual({ n: 2 });
        });
      });
      const after = await preparedTexts(database);
      expect(after.some((t) => t.includes("$1::int + 1 as n"))).toBe(true);
      expect(after.some((t) => t.includes("$1::int + $2::int as n"))).toBe(true);
    } finally {
      await database.close();
    }
  });

  it("sends them unprepared when asked (behind a pooler that cannot keep them)", async () => {
    const database = openPostgres(url!, { max: 1, prepare: false });
    try {
      expect((await rows<{ answer: string }>(database.db.execute(sql`select ${"not prepared"}::text as answer`)))[0]).toEqual({ answer: "not prepared" });
      expect((await preparedTexts(database)).filter((t) => t.includes("$1::text as answer"))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
