import { bigint, check, pgTable, smallint, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

// Counts the committed changes to anything a public page shows. Triggers on every public table
// (migration 0017) add one per writing transaction as it commits; every app instance reads the
// count before serving a cached page, so no instance serves a page older than the last write
// (server/page-cache/, docs/performance.md "Caching public pages"). The count is the sum of 16 rows
// (migration 0044): a transaction adds to the row of its connection (its backend's process id), so
// writers on different connections do not queue for one row through each other's commits.
export const publicGeneration = pgTable(
  "public_generation",
  {
    id: smallint().primaryKey(),
    generation: bigint({ mode: "number" }).notNull(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // 16 rows: the trigger's `1 + pg_backend_pid() % 16` (migration 0044).
  (t) => [check("public_generation_shard", sql`${t.id} between 1 and 16`)],
);
