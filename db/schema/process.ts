import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
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

// The published criteria of the secretariat's moves (server/domain/criteria.ts): what must hold for
// a norm to move to endorsement or to be concluded, each a threshold the app evaluates against the
// norm's live figures. A move whose criteria are not met is possible only as an override, with its
// reason, marked as such on the timeline and in open data. Shown on /about/process.
export const criterionMoves = ["openEndorsement", "conclude"] as const;
export type CriterionMove = (typeof criterionMoves)[number];
export const criterionMove = pgEnum("criterion_move", criterionMoves);
export const criterionKinds = ["stageClosed", "minOrganizations", "minStakeholderTypes", "minRegions", "minBridging"] as const;
export type CriterionKind = (typeof criterionKinds)[number];
export const criterionKind = pgEnum("criterion_kind", criterionKinds);

export const processCriteria = pgTable(
  "process_criteria",
  {
    move: criterionMove().notNull(),
    criterion: criterionKind().notNull(),
    // stageClosed: 1 (required); the counts: a whole number; minBridging: a score in [0, 1].
    threshold: doublePrecision().notNull(),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.move, t.criterion] }), check("process_criteria_threshold", sql`${t.threshold} >= 0`)],
);
