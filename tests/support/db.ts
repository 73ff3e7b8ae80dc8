import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, openPglite, openPostgres } from "~/db/connect";
import { seedReference } from "~/db/seed";
import { templateDatabase, testDatabasePrefix, withDatabase } from "./db-names";

/**
 * A fresh, migrated database with the reference data (as every real one has) for one test file: a clone of the migrated template on PostgreSQL
 * when TEST_DATABASE_URL is set (never DATABASE_URL), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite();
    await database.migrate();
    await seedReference(database.db);
    return database;
  }
  const name = `${testDatabasePrefix(url)}${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase(url)}`);
  await admin.end();
  const database = openPostgres(withDatabase(url, name), { max: 20 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = postgres(url, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
