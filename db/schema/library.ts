import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { norms } from "./norms";
import { forums, referenceDocuments, referenceNorms } from "./reference";
import { users } from "./users";

// Where a norm was taken up (issue 19): a forum norm or a reference norm, exactly one, in a
// document of a forum, at a paragraph, on a date, with the states (ISO 3166-1 codes) or state
// groups (`group:un`, server/schemas/state-groups.ts) party to it. Recorded by the secretariat.
export const normUptakes = pgTable(
  "norm_uptakes",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid().references(() => norms.id, { onDelete: "cascade" }),
    referenceNormId: text().references(() => referenceNorms.id, { onDelete: "cascade" }),
    document: text().notNull(),
    // The forums-timeline entry, when the uptake happened in one; else the forum's name as text.
    forumId: text().references(() => forums.id, { onDelete: "set null" }),
    forum: text().notNull().default(""),
    paragraph: text().notNull().default(""),
    takenUpOn: date({ mode: "string" }).notNull(),
    url: text(),
    parties: text().array().notNull().default([]),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("norm_uptakes_one_norm", sql`num_nonnulls(${t.normId}, ${t.referenceNormId}) = 1`),
    check("norm_uptakes_url_http", sql`${t.url} is null or ${t.url} ~ '^https?://'`),
    index("norm_uptakes_norm_id_idx").on(t.normId, t.takenUpOn),
    index("norm_uptakes_reference_norm_id_idx").on(t.referenceNormId, t.takenUpOn),
    index("norm_uptakes_parties_idx").using("gin", t.parties),
  ],
);

// The terms the norms use, and what the reference documents say they mean. Seeded from
// db/reference-data/glossary.json; the links from clauses are computed when a page renders.
export const glossaryTerms = pgTable("glossary_terms", {
  slug: text().primaryKey(),
  term: text().notNull(),
  aliases: text().array().notNull().default([]),
  // Said when no document in the library defines the term.
  note: text().notNull().default(""),
});

export const glossaryDefinitions = pgTable(
  "glossary_definitions",
  {
    id: uuid().primaryKey().defaultRandom(),
    termSlug: text()
      .notNull()
      .references(() => glossaryTerms.slug, { onDelete: "cascade" }),
    // A document of the library, or else the source named as text.
    referenceDocumentKey: text().references(() => referenceDocuments.key),
    source: text().notNull().default(""),
    text: text().notNull(),
    locator: text().notNull().default(""),
    url: text(),
    position: integer().notNull().default(0),
  },
  (t) => [index("glossary_definitions_term_slug_idx").on(t.termSlug, t.position)],
);
