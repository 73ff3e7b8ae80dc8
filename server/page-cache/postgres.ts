// The page cache's view of PostgreSQL: its own small pool (server.ts runs outside Next.js's
// modules), the public generation read on every cacheable request, and the next time rule.
import { eq } from "drizzle-orm";
import { type Db, openPostgres } from "~/db/connect";
import { publicGeneration } from "~/db/schema";
import { nextChange } from "./deadlines";
import type { PageCacheState } from "./index";

/** The public generation: moved on by every committed write to a public table (migration 0017). */
export async function readGeneration(db: Db) {
  const [row] = await db.select({ generation: publicGeneration.generation }).from(publicGeneration).where(eq(publicGeneration.id, 1));
  if (!row) throw new Error("public_generation has no row: are the migrations applied?");
  return row.generation;
}

export function postgresPageCacheState(url: string): PageCacheState & { close(): Promise<void> } {
  const database = openPostgres(url, { max: 2, statementTimeoutMs: 5_000 });
  return {
    generation: () => readGeneration(database.db),
    nextChange: (now) => nextChange(database.db, now),
    close: () => database.close(),
  };
}
