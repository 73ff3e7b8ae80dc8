import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    recordedById: uuid()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sequence: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("norm_positions_norm_id_organization_id_key").on(t.normId, t.organizationId),
    index("norm_positions_organization_id_idx").on(t.organizationId, t.recordedAt),
    index("norm_positions_recorded_by_id_idx").on(t.recordedById),
    check("norm_positions_version_chk", sql`${t.version} >= 1`),
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
    recordedById: uuid()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("norm_position_history_norm_org_sequence_key").on(t.normId, t.organizationId, t.sequence),
    index("norm_position_history_norm_id_idx").on(t.normId, t.recordedAt),
    index("norm_position_history_organization_id_idx").on(t.organizationId, t.recordedAt),
    index("norm_position_history_recorded_by_id_idx").on(t.recordedById),
  ],
);
