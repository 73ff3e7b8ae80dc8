import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { stances, positionEventKinds } from "~/server/schemas/vocabulary";
import { norms } from "./norms";
import { organizations } from "./organizations";
import { users } from "./users";

export { stances, positionEventKinds, type Stance, type PositionEventKind } from "~/server/schemas/vocabulary";

export const stance = pgEnum("stance", stances);
export const positionEventKind = pgEnum("position_event_kind", positionEventKinds);

// An organisation's current position on a norm: one row per organisation per norm, written with
// an upsert. `sequence` counts the organisation's entries on this norm and orders the history.
export const normPositions = pgTable(
  "norm_positions",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references(() => norms.id),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    stance: stance().notNull(),
    statement: text().notNull().default(""),
    // The version of the norm's text the position was given (or last reaffirmed) on.
    version: integer().notNull(),
    // The clauses (numbers from 1, of that version) a reservation or objection concerns; empty
    // when it names none, and always for an endorsement or abstention.
    clauses: integer().array().notNull().default(sql`'{}'::integer[]`),
    recordedById: uuid()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sequence: integer().notNull().default(1),
    // The second representative who countersigned it, where its organisation requires that
    // (server/domain/countersign.ts); `recordedById` is then the representative who entered it.
    countersignedById: uuid().references(() => users.id),
  },
  (t) => [
    uniqueIndex("norm_positions_norm_id_organization_id_key").on(t.normId, t.organizationId),
    index("norm_positions_organization_id_idx").on(t.organizationId, t.recordedAt),
    index("norm_positions_recorded_by_id_idx").on(t.recordedById),
    index("norm_positions_countersigned_by_id_idx").on(t.countersignedById),
    check("norm_positions_version_chk", sql`${t.version} >= 1`),
    check("norm_positions_clauses_chk", sql`1 <= all(${t.clauses})`),
  ],
);

// Every position ever recorded, in order. Append-only: a trigger (migration 0004) refuses UPDATE,
// DELETE and TRUNCATE.
export const normPositionHistory = pgTable(
  "norm_position_history",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references(() => norms.id),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    sequence: integer().notNull(),
    kind: positionEventKind().notNull(),
    stance: stance().notNull(),
    statement: text().notNull().default(""),
    version: integer().notNull(),
    // As norm_positions.clauses: the clauses of `version` the entry named.
    clauses: integer().array().notNull().default(sql`'{}'::integer[]`),
    recordedById: uuid()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Entered by a secretariat or admin account before the neutrality rule (migration 0029), which
    // no staff account can do since; set only by that migration.
    recordedByStaff: boolean().notNull().default(false),
    // Recorded during a sealed endorsement stage and published at its close (server/domain/sealed.ts):
    // recordedAt is when the organisation recorded it, this when the public could first see it.
    revealedAt: timestamp({ withTimezone: true }),
    // As norm_positions.countersigned_by_id: the second representative, where one countersigned.
    countersignedById: uuid().references(() => users.id),
  },
  (t) => [
    uniqueIndex("norm_position_history_norm_org_sequence_key").on(t.normId, t.organizationId, t.sequence),
    index("norm_position_history_norm_id_idx").on(t.normId, t.recordedAt),
    index("norm_position_history_organization_id_idx").on(t.organizationId, t.recordedAt),
    index("norm_position_history_recorded_by_id_idx").on(t.recordedById),
    index("norm_position_history_countersigned_by_id_idx").on(t.countersignedById),
    check("norm_position_history_clauses_chk", sql`1 <= all(${t.clauses})`),
  ],
);

// A concluded norm's figures as they stood at the close of its endorsement stage, copied from the
// norm's row in the transaction that concludes it (norms.ts, transitionNorm) and never changed:
// a trigger (migration 0024) refuses UPDATE, DELETE and TRUNCATE. The norm's own columns stay live
// (adherence after conclusion, verification changes); these are the record of the decision.
export const normFrozenFigures = pgTable("norm_frozen_figures", {
  normId: uuid()
    .primaryKey()
    .references(() => norms.id),
  // The endorsement stage's close: its closing date, or the conclusion if that came first.
  frozenAt: timestamp({ withTimezone: true }).notNull(),
  // The same 48 counts and measures as the norm's columns of those names (norms.counted_by_group).
  countedByGroup: integer().array().notNull(),
  positionCount: integer().notNull(),
  support: doublePrecision(),
  bridging: doublePrecision().notNull(),
  contestation: doublePrecision(),
  supportLowerBound: doublePrecision(),
  contestationLowerBound: doublePrecision(),
  // When the secretariat concluded the norm: where its adherence since conclusion starts.
  concludedAt: timestamp({ withTimezone: true }).notNull(),
});

// Positions recorded during a sealed endorsement stage (server/domain/sealed.ts), stored apart from
// every public table until the stage closes, when each is written into norm_positions and its
// history at once and removed here. One per organisation per norm: a later sealed write replaces
// the earlier. Private: no public page reads it, and writing it does not move the public generation.
export const sealedPositions = pgTable(
  "sealed_positions",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references(() => norms.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    stance: stance().notNull(),
    statement: text().notNull().default(""),
    version: integer().notNull(),
    clauses: integer().array().notNull().default(sql`'{}'::integer[]`),
    recordedById: uuid()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    // Serves the reveal (every entry of one norm) and the upsert of one organisation's entry.
    uniqueIndex("sealed_positions_norm_id_organization_id_key").on(t.normId, t.organizationId),
    index("sealed_positions_organization_id_idx").on(t.organizationId),
    index("sealed_positions_recorded_by_id_idx").on(t.recordedById),
    check("sealed_positions_version_chk", sql`${t.version} >= 1`),
    check("sealed_positions_clauses_chk", sql`1 <= all(${t.clauses})`),
  ],
);
