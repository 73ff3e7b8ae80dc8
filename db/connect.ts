import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { lockFolder } from "./pglite-lock";
import * as schema from "./schema";

type Schema = typeof schema;
// Both drivers share this shape, so the rest of the code never knows which one it has.
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export interface PostgresOptions {
  /** Connections in the pool (bounded: a burst waits for a free one rather than opening more). */
  max?: number;
  /** Longest a statement may run before PostgreSQL cancels it (0: no limit). */
  statementTimeoutMs?: number;
  /** Longest to wait for a new connection before the request fails (and answers 503). */
  connectTimeoutSeconds?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    // Idle connections are closed, so a restarted server is reconnected to on the next query.
    idle_timeout: 60,
    // After failed connections postgres.js waits longer each time (up to 20 s by default), which
    // would keep the app down long after the database is back: retry within a second instead.
    backoff: (retries: number) => Math.min(0.1 * retries, 1),
    connection: options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {},
    onnotice: () => {},
  });
  const db = drizzlePostgres(client, { schema, casing: "snake_case" });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    migrate: () => migratePostgres(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * An embedded database in `dataDir`, or in memory when no folder is given. A folder is locked to
 * this process while open (see ./pglite-lock.ts): a second live opener waits up to `lockWaitMs`,
 * then is refused with a clear message.
 */
export async function openPglite(dataDir?: string, options: { lockWaitMs?: number } = {}): Promise<Database> {
  // pg_trgm: the trigram indexes of migration 0019, as on PostgreSQL.
  const extensions = { pg_trgm };
  if (!dataDir) return wrapPglite(new PGlite({ extensions }), () => {});
  mkdirSync(path.resolve(dataDir), { recursive: true });
  const lock = await lockFolder(dataDir, { waitMs: options.lockWaitMs });
  try {
    return await wrapPglite(new PGlite(path.resolve(dataDir), { extensions }), () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function wrapPglite(client: PGlite, release: () => void): Promise<Database> {
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
