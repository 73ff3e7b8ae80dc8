// Runs before `next start` in the e2e web server: a fresh database every run.
// With TEST_DATABASE_URL: a new PostgreSQL database `nf_e2e`, migrated and seeded with demo data;
// the app is started on it (DATABASE_URL). Without: the embedded data folder is emptied, and the
// app migrates and seeds it itself on first request (only the app's process may open it).
import { rmSync } from "node:fs";
import postgres from "postgres";
import { openPostgres } from "~/db/connect";
import { seed } from "~/db/seed";

const E2E_DB = "nf_e2e";
const url = process.env.TEST_DATABASE_URL;

if (url) {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${E2E_DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${E2E_DB}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${E2E_DB}`;
  const database = openPostgres(target.toString(), { max: 1 });
  await database.migrate();
  await seed(database.db, { demo: true });
  await database.close();
  // playwright.config.ts points the app's DATABASE_URL at this database.
  console.log(`e2e database ready: ${E2E_DB}`);
} else {
  rmSync(process.env.PGLITE_DATA_DIR ?? ".data/e2e/pglite", { recursive: true, force: true });
}
