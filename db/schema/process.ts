import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timedStages } from "~/server/schemas/vocabulary";
import { users } from "./users";

export { timedStages, type TimedStage } from "~/server/schemas/vocabulary";
export const timedStage = pgEnum("timed_stage", timedStages);

// The consultation clock's rules, one row per timed stage (server/domain/process.ts): how long the
// stage runs when it starts (defaultDays) and the shortest closing date the secretariat may set
// (minimumDays). Published on /about/process; an admin changes them, and every change is kept in
// process_setting_changes with its reason.
export const processSettings = pgTable(
  "process_settings",
  {
    stage: timedStage().primaryKey(),
    defaultDays: integer().notNull(),
    minimumDays: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("process_settings_days", sql`${t.minimumDays} >= 1 and ${t.defaultDays} >= ${t.minimumDays} and ${t.defaultDays} <= 365`),
  ],
);

// Every change to a stage's days: who, when, from what to what, and why. Public, like the rules.
export const processSettingChanges = pgTable(
  "process_setting_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    stage: timedStage().notNull(),
    defaultDaysFrom: integer().notNull(),
    defaultDaysTo: integer().notNull(),
    minimumDaysFrom: integer().notNull(),
    minimumDaysTo: integer().notNull(),
    reason: text().notNull(),
    changedById: uuid()
      .notNull()
      .references(() => users.id),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("process_setting_changes_changed_at_idx").on(t.changedAt), index("process_setting_changes_changed_by_id_idx").on(t.changedById)],
);
