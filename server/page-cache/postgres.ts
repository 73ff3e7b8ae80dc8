// The page cache's view of PostgreSQL: its own small pool (server.ts runs outside Next.js's
// modules), the public generation read on every cacheable request, and the next time rule.
import { sql } from "drizzle-orm";
import { type Db, openPostgres } from "~/db/connect";
import { publicGeneration } from "~/db/schema";
import { nextChange } from "./deadlines";
import type { PageCacheState } from "./index";

/**
 * The public generation: moved on by every committed write to a public table (migration 0017), the
 * sum of its rows (migration 0044), read in one statement so it counts every committed write or none.
 */
export async function readGeneration(db: Db) {
  const [row] = await db.select({ generation: sql<string | null>`sum(${publicGeneration.generation})::bigint` }).from(publicGeneration);
  if (row?.generation == null) throw new Error("public_generation has no row: are the migrations applied?");
  return Number(row.generation);
}

const ignore = () => undefined;

/**
 * One read shared by the requests that ask while it is waited for, without ever answering a
 * request with a read sent before it asked: a request that arrives while a read is in flight waits
 * for the next one, which starts when that read ends and which every request arriving meanwhile
 * joins. So at most two reads are outstanding however many requests arrive, and each answer is as
 * fresh as a read of its own (tests/page-cache.test.ts).
 */
export function coalesceReads<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = () => {
    const started = read();
    inFlight = started;
    const clear = () => {
      if (inFlight === started) inFlight = null;
    };
    started.then(clear, clear);
    return started;
  };
  return () => {
    if (!inFlight) return start();
    queued ??= inFlight.then(ignore, ignore).then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}

export function postgresPageCacheState(url: string): PageCacheState & { close(): Promise<void> } {
  const database = openPostgres(url, { max: 2, statementTimeoutMs: 5_000 });
  return {
    // Every cacheable request asks; under load most share a read (coalesceReads).
    generation: coalesceReads(() => readGeneration(database.db)),
    nextChange: (now) => nextChange(database.db, now),
    close: () => database.close(),
  };
}
