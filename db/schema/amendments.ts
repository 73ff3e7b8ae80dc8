import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { amendmentKinds, amendmentStates } from "~/server/schemas/vocabulary";
import { norms } from "./norms";
import { organizations } from "./organizations";
import { users } from "./users";

export { amendmentKinds, amendmentStates, type AmendmentKind, type AmendmentState } from "~/server/schemas/vocabulary";

export const amendmentKind = pgEnum("amendment_kind", amendmentKinds);
export const amendmentState = pgEnum("amendment_state", amendmentStates);

// A proposed change to one clause of a norm's text during consultation (server/domain/amendments.ts).
// It is written against the clause as it stood in `baseVersion` (`original` keeps those words), so
// accepting it later applies only where that clause is still in the latest text word for word.
export const amendments = pgTable(
  "amendments",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references(() => norms.id),
    // "Amendment 3": numbered from 1 within the norm, in the order proposed.
    number: integer().notNull(),
    baseVersion: integer().notNull(),
    // The clause (from 1) of baseVersion it concerns; an insertion goes after it.
    clause: integer().notNull(),
    kind: amendmentKind().notNull(),
    original: text().notNull(),
    // The clause's new words (replace) or the new clause (insert); empty for a deletion.
    text: text().notNull().default(""),
    rationale: text().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    // The verified organisation it is proposed for, if any.
    organizationId: uuid().references(() => organizations.id),
    state: amendmentState().notNull().default("open"),
    // Who decided it (an author of the norm, or its proposer withdrawing it), when and why.
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    reason: text(),
    // The version that incorporated it, when accepted.
    acceptedVersion: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("amendments_norm_id_number_key").on(t.normId, t.number),
    // A norm's amendments by state, and its open amendments by clause.
    index("amendments_norm_id_state_idx").on(t.normId, t.state, t.number),
    index("amendments_author_id_idx").on(t.authorId),
    index("amendments_organization_id_idx").on(t.organizationId),
    index("amendments_decided_by_id_idx").on(t.decidedById),
    check("amendments_clause_chk", sql`${t.clause} >= 1 and ${t.baseVersion} >= 1`),
    check("amendments_text_chk", sql`(${t.kind} = 'delete') = (${t.text} = '')`),
  ],
);

// Support for an amendment, given in one's own name or for an organisation one represents: one per
// person in their own name and one per organisation.
export const amendmentSupports = pgTable(
  "amendment_supports",
  {
    id: uuid().primaryKey().defaultRandom(),
    amendmentId: uuid()
      .notNull()
      .references(() => amendments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    organizationId: uuid().references(() => organizations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A norm's amendments' support, counted by amendment (and the cascade from an amendment).
    index("amendment_supports_amendment_id_idx").on(t.amendmentId),
    uniqueIndex("amendment_supports_personal_key").on(t.amendmentId, t.userId).where(sql`${t.organizationId} is null`),
    uniqueIndex("amendment_supports_organization_key").on(t.amendmentId, t.organizationId).where(sql`${t.organizationId} is not null`),
    index("amendment_supports_user_id_idx").on(t.userId),
    index("amendment_supports_organization_id_idx").on(t.organizationId),
  ],
);
