import "server-only";
import { env } from "~/env.js";
import { logger } from "~/server/logger";
import { type Database, type Db, openPglite, openPostgres } from "./connect";
import { seed } from "./seed";

// One handle per process, kept on globalThis so dev hot reloads do not open a second PGlite
// on the same folder (PGlite has no inter-process lock).
const globalForDb = globalThis as unknown as { normsForumDb?: Promise<Database> };

async function open(): Promise<Database> {
  if (env.DATABASE_URL) {
    return openPostgres(env.DATABASE_URL, {
      max: env.DATABASE_POOL_MAX,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      prepare: env.DATABASE_PREPARE !== false,
    });
  }
  const database = await openPglite(env.PGLITE_DATA_DIR);
  await database.migrate();
  await seed(database.db, { demo: env.SEED_DEMO ?? env.NODE_ENV !== "production" });
  logger.info({ dataDir: env.PGLITE_DATA_DIR }, "embedded database ready");
  return database;
}

/** Opens the database on first use (never at import time, so `next build` never touches it). */
export function getDatabase(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // PGlite allows one process per folder, and build workers are separate processes.
    throw new Error("The database must not be opened during `next build`; mark the caller dynamic.");
  }
  globalForDb.normsForumDb ??= open().catch((error: unknown) => {
    globalForDb.normsForumDb = undefined;
    throw error;
  });
  return globalForDb.normsForumDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
