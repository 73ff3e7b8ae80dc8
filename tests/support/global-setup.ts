// With TEST_DATABASE_URL (CI), migrate one template database; each test file then clones it.
// Without it, each file migrates its own in-memory PGlite (see ./db.ts).
import postgres from "postgres";
import { openPostgres } from "~/db/connect";
import { seedReference } from "~/db/seed";
import { templateDatabase, testDatabasePrefix, withDatabase } from "./db-names";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  if (process.env.DATABASE_URL && process.env.DATABASE_URL === url) {
    throw new Error("TEST_DATABASE_URL must not be DATABASE_URL: the tests create and drop databases.");
  }
  const TEMPLATE_DB = templateDatabase(url);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DB}`);
  const template = openPostgres(withDatabase(url, TEMPLATE_DB), { max: 1 });
  await template.migrate();
  await seedReference(template.db);
  await template.close();
  await admin.end();
  return async () => {
    const cleanup = postgres(url, { max: 1, onnotice: () => {} });
    // starts_with, not LIKE: "_" is a wildcard there.
    const leftovers = await cleanup<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${testDatabasePrefix(url)})`;
    for (const { datname } of leftovers) await cleanup.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await cleanup.end();
  };
}
