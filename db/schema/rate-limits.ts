import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Counters for rate-limiter-flexible's RateLimiterDrizzle (shape required by that library).
// Kept in PostgreSQL so limits hold across several app instances.
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true }),
});
