// Opens an embedded database folder in its own process for tests/pglite-lock.test.ts: commits
// rows 1-3, leaves rows 100-102 in an open transaction, says "ready", and waits to be killed.
// On SIGTERM it closes the database properly and exits.
import { openPglite } from "~/db/connect";
import { sql } from "drizzle-orm";

const dataDir = process.argv[2]!;
const database = await openPglite(dataDir, { lockWaitMs: Number(process.argv[3] ?? 10_000) });
const { db } = database;
await db.execute(sql`create table if not exists kept (id int primary key)`);
await db.execute(sql`insert into kept values (1), (2), (3) on conflict do nothing`);
// Nothing else keeps the event loop busy while the transaction waits.
const keepAlive = setInterval(() => {}, 60_000);
process.on("SIGTERM", () => {
  clearInterval(keepAlive);
  void database.close().then(() => process.exit(0));
});
// An uncommitted transaction, left open until the process dies.
void db
  .transaction(async (tx) => {
    await tx.execute(sql`insert into kept values (100), (101), (102)`);
    process.stdout.write("ready\n");
    await new Promise(() => {});
  })
  .catch(() => {});
