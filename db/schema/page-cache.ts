import { bigint, check, pgTable, smallint, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

// One row counting the committed changes to anything a public page shows. Triggers on every public
// table (migration 0017) add one per writing transaction as it commits; every app instance reads it
// before serving a cached page, so no instance serves a page older than the last write
// (server/page-cache/, docs/performance.md "Caching public pages").
export const publicGeneration = pgTable(
  "public_generation",
  {
    id: smallint().primaryKey(),
    generation: bigint({ mode: "number" }).notNull(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("public_generation_one_row", sql`${t.id} = 1`)],
);
