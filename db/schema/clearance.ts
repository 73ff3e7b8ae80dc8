import { sql } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { entryKinds, entryStates } from "~/server/schemas/clearance";
import { norms } from "./norms";
import { organizations } from "./organizations";
import { observations, stocktakeItems } from "./stocktakes";
import { users } from "./users";

export { entryKinds, entryStates, type EntryKind, type EntryState } from "~/server/schemas/clearance";

export const entryKind = pgEnum("entry_kind", entryKinds);
export const entryState = pgEnum("entry_state", entryStates);

/** What an entry says, as the direct write would take it (the target is in its own column). */
export type EntryContent =
  | { stance: "endorse" | "endorse_with_reservations" | "object" | "abstain"; statement: string; clauses: number[] }
  | { status: "implemented" | "partially" | "not_yet" | "no_information"; text: string; links: string[] }
  | { text: string };

// An organisation's position, implementation statement or reply before it is public: a draft its
// representatives clear inside the organisation, or an entry waiting for a second representative's
// countersignature (server/domain/clearance.ts, countersign.ts). Seen only by the organisation's
// representatives; no public page, count, measure, feed or export reads this table, and it moves
// no public cache generation (server/page-cache/tables.ts). Countersigning writes the entry through
// the direct write's own code and marks the row published in the same transaction.
export const organizationEntries = pgTable(
  "organization_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    kind: entryKind().notNull(),
    state: entryState().notNull().default("draft"),
    // The target: a norm (position), a covered item of a stock-take (statement) or an observation (reply).
    normId: uuid().references(() => norms.id),
    stocktakeItemId: uuid().references(() => stocktakeItems.id, { onDelete: "cascade" }),
    observationId: uuid().references(() => observations.id, { onDelete: "cascade" }),
    content: jsonb().$type<EntryContent>().notNull(),
    // Who last saved the draft, or submitted the entry: the name the published record carries.
    enteredById: uuid()
      .notNull()
      .references(() => users.id),
    // When it went for countersignature: it lapses COUNTERSIGN_DAYS later on the forum's clock.
    submittedAt: timestamp({ withTimezone: true }),
    // Who countersigned, declined or withdrew it, and when.
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The clearance page: an organisation's open entries, newest first.
    index("organization_entries_organization_id_idx").on(t.organizationId, t.state, t.updatedAt),
    index("organization_entries_norm_id_idx").on(t.normId),
    index("organization_entries_stocktake_item_id_idx").on(t.stocktakeItemId),
    index("organization_entries_observation_id_idx").on(t.observationId),
    index("organization_entries_entered_by_id_idx").on(t.enteredById),
    index("organization_entries_decided_by_id_idx").on(t.decidedById),
    // One entry at a time waits for countersignature per organisation and target.
    uniqueIndex("organization_entries_pending_key")
      .on(t.organizationId, t.kind, sql`coalesce(${t.normId}, ${t.stocktakeItemId}, ${t.observationId})`)
      .where(sql`${t.state} = 'pending'`),
    check(
      "organization_entries_target_chk",
      sql`(${t.kind} = 'position' and ${t.normId} is not null and ${t.stocktakeItemId} is null and ${t.observationId} is null)
        or (${t.kind} = 'statement' and ${t.stocktakeItemId} is not null and ${t.normId} is null and ${t.observationId} is null)
        or (${t.kind} = 'reply' and ${t.observationId} is not null and ${t.normId} is null and ${t.stocktakeItemId} is null)`,
    ),
    check("organization_entries_submitted_chk", sql`${t.state} = 'draft' or ${t.submittedAt} is not null or ${t.state} = 'withdrawn'`),
  ],
);
