import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";

// The installed postgres.js with scripts/patch-dependencies.mjs applied: a transaction whose BEGIN
// fills a connection's pipeline keeps that connection. Unpatched, 3.4.9 failed such a transaction
// with UNSAFE_TRANSACTION and handed its connection to other queries while PostgreSQL still had it in
// the transaction (seen in CI as one of 1,000 simultaneous position writes failing). A pipeline of two
// queries makes the boundary easy to reach; the app's pipeline of 100 reaches it under load.
const url = process.env.TEST_DATABASE_URL;

let sql: postgres.Sql | undefined;
/** A client whose connections take two queries at a time (`max_pipeline` is missing from its types). */
function pipelinedByTwo(max: number, applicationName = "nf-transactions"): postgres.Sql {
  const options = { max, max_pipeline: 2, onnotice: () => {}, connection: { application_name: applicationName } };
  sql = postgres(url!, options as postgres.Options<Record<string, never>>);
  return sql;
}
afterEach(async () => {
  await sql?.end({ timeout: 5 });
  sql = undefined;
});

describe.skipIf(!url)("transactions on the PostgreSQL client (skipped unless TEST_DATABASE_URL is set)", () => {
  it("keep their connection when BEGIN fills its pipeline, and run nothing else inside it", async () => {
    const client = pipelinedByTwo(2);
    // Both connections open and idle.
    await Promise.all([client`select pg_sleep(0.01)`, client`select pg_sleep(0.01)`]);

    // Each connection busy with one query and one more waiting behind it: the next query written to
    // either is the second in its pipeline, which is the boundary.
    const busy = [
      client`select pg_sleep(0.2)`.execute(),
      client`select pg_sleep(0.2)`.execute(),
      client`select 1`.execute(),
      client`select 1`.execute(),
    ];
    const transaction = client.begin(async (tx) => {
      const [first] = await tx<{ id: string }[]>`select txid_current()::text as id`;
      await tx`select pg_sleep(0.05)`;
      const [second] = await tx<{ id: string }[]>`select txid_current()::text as id`;
      return [first!.id, second!.id];
    });
    const outside = client<{ id: string }[]>`select txid_current()::text as id`.execute();

    const settled = await Promise.allSettled([...busy, transaction, outside]);
    const failures = settled.flatMap((s) => (s.status === "rejected" ? [String((s.reason as { code?: string }).code ?? s.reason)] : []));
    expect(failures).toEqual([]);
    const [first, second] = await transaction;
    expect(second).toBe(first);
    const [other] = await outside;
    expect(other!.id).not.toBe(first);
  });

  it("leave no connection inside a transaction after many at once", async () => {
    const applicationName = `nf-transactions-${process.pid}`;
    const client = pipelinedByTwo(3, applicationName);
    await Promise.all([1, 2, 3].map(() => client`select pg_sleep(0.01)`));
    const work = Array.from({ length: 60 }, (_, i) =>
      i % 3 === 0
        ? client.begin(async (tx) => (await tx<{ n: number }[]>`select ${i}::int as n`)[0]!.n)
        : client<{ n: number }[]>`select ${i}::int as n, pg_sleep(0.001)`.execute().then((rows) => rows[0]!.n),
    );
    const settled = await Promise.allSettled(work);
    expect(settled.filter((s) => s.status === "rejected").map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
    expect(settled.map((s) => (s as PromiseFulfilledResult<number>).value)).toEqual(work.map((_, i) => i));

    // No connection of the pool was left inside a transaction.
    const [row] = await client<{ waiting: number }[]>`
      select count(*)::int as waiting from pg_stat_activity
      where application_name = ${applicationName} and state like 'idle in transaction%'`;
    expect(row!.waiting).toBe(0);
  });
});
