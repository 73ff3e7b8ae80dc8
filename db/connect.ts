import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type ExtractTablesWithRelations, type Placeholder, type Query, type SQL, sql } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { lockFolder } from "./pglite-lock";
import * as schema from "./schema";

type Schema = typeof schema;
/** How every database handle names columns declared without a name (the dialect below builds the same). */
const casing = "snake_case";
// Both drivers share this shape, so the rest of the code never knows which one it has.
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /**
   * How the job queue (pg-boss, server/notifications/queue.ts) reaches this database: its own small
   * pool on PostgreSQL; on PGlite, this process's one connection through an adapter.
   */
  queueConnection: { connectionString: string } | { db: QueueSqlAdapter };
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** What pg-boss needs of a connection: run a statement (or, without values, several) and answer its rows. */
export interface QueueSqlAdapter {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** pg-boss over PGlite: its migrations send several statements in one text, which only `exec` runs. */
function pgliteQueueAdapter(client: PGlite): QueueSqlAdapter {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return { rows: (await client.query(text, values)).rows };
    },
  };
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export interface PostgresOptions {
  /** Connections in the pool (bounded: a burst waits for a free one rather than opening more). */
  max?: number;
  /** Prepare each statement once per connection (default); off behind a pooler that cannot keep them. */
  prepare?: boolean;
  /** Longest a statement may run before PostgreSQL cancels it (0: no limit). */
  statementTimeoutMs?: number;
  /** Longest to wait for a new connection before the request fails (and answers 503). */
  connectTimeoutSeconds?: number;
}

/**
 * The client with every statement that has parameters prepared: Drizzle sends its queries through
 * postgres.js's `unsafe`, which does not prepare them, so each was parsed and planned again on every
 * request (planning was most of a list query's time). The app's statements are a bounded set of
 * texts, so postgres.js keeps each prepared once per connection. Transactions and savepoints get a
 * client that does the same. Statements without parameters (migrations, several statements in one
 * text) are sent as they were.
 */
export function preparing(sql: postgres.Sql): postgres.Sql {
  // Made once per client, not at each query.
  const unsafe = (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
    sql.unsafe(query, params as never[], params && params.length > 0 ? { ...options, prepare: true } : options);
  const inTransaction = (method: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    const fn = args.at(-1) as (tx: postgres.Sql) => unknown;
    return method.apply(sql, [...args.slice(0, -1), (tx: postgres.Sql) => fn(preparing(tx))]);
  };
  const own: Record<PropertyKey, unknown> = { unsafe, begin: inTransaction(sql.begin as never) };
  if ("savepoint" in sql) own.savepoint = inTransaction((sql as unknown as { savepoint: (...a: unknown[]) => unknown }).savepoint);
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key in own) return own[key];
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
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
  const db = drizzlePostgres(options.prepare === false ? client : preparing(client), { schema, casing });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    queueConnection: { connectionString: url },
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
  const db = drizzlePglite(client, { schema, casing });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    queueConnection: { db: pgliteQueueAdapter(client) },
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

/** The rows of `db.execute`: postgres.js answers with the rows, PGlite with `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const dialect = new PgDialect({ casing });

/** A statement's named values as they stand in its text: `value.name` is the placeholder of `name`. */
export type Placeholders<Values> = { readonly [K in keyof Values & string]: Placeholder<K> };

/** Gives the placeholder of whatever name is asked for, so a statement names its values as it uses them. */
const placeholders = new Proxy(
  {},
  { get: (_, name) => (typeof name === "string" ? sql.placeholder(name) : undefined) },
) as Placeholders<Record<string, unknown>>;

/**
 * A statement run often, its text built once: at its first run, by the dialect every database
 * handle here has (the same casing). Drizzle builds a statement's text from its parts at every
 * call, walking each table, column and value; under load that was about a tenth of the server's
 * processor on a signed-in write (docs/performance.md, "Statements built once (stop 40)").
 * `build` writes the statement with its values as placeholders (`value.name`); each run gives
 * them, typed as `Values` (one left out anyway is an error, never a null). Answers the rows, on
 * either driver. Whether the statement is prepared on the connection stays the client's choice
 * (`preparing` above; not behind a pooler).
 */
export function statementBuiltOnce<Row, Values extends Record<string, unknown>>(build: (value: Placeholders<Values>) => SQL) {
  let query: Query | undefined;
  return async (db: DbOrTx, values: Values): Promise<Row[]> => {
    query ??= dialect.sqlToQuery(build(placeholders as Placeholders<Values>));
    return resultRows<Row>(await db._.session.prepareQuery(query, undefined, undefined, false).execute(values));
  };
}
