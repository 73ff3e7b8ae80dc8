import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** The sections of /about/governance an admin writes; the rules of neutrality are the app's own. */
export const governanceSections = ["secretariat", "appointments", "funding"] as const;
export type GovernanceSection = (typeof governanceSections)[number];

// How the forum is run, as published on /about/governance: each edit is a new numbered revision,
// kept for good (a trigger in migration 0029 refuses UPDATE and DELETE), so the page's history is
// public. The latest revision is what the page shows.
export const governanceRevisions = pgTable(
  "governance_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: integer().notNull(),
    // Who runs the secretariat; how staff are appointed; funding and partners. Plain text, with
    // blank lines between paragraphs.
    secretariat: text().notNull(),
    appointments: text().notNull(),
    funding: text().notNull(),
    // What changed, in the editor's words.
    summary: text().notNull(),
    editedById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("governance_revisions_number_key").on(t.number),
    index("governance_revisions_edited_by_id_idx").on(t.editedById),
    check("governance_revisions_number_chk", sql`${t.number} >= 1`),
  ],
);
