import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

// Reference data from Appendix I of the EastWest Institute paper (db/reference-data/).
// Loaded by the seed, which only inserts what is missing.

export const documentStatus = pgEnum("document_status", ["legal", "political", "proposal"]);
export const documentAuthorKind = pgEnum("document_author_kind", [
  "state",
  "intergovernmental",
  "expert",
  "industry",
]);

export const normCategories = pgTable("norm_categories", {
  code: text().primaryKey(),
  title: text().notNull(),
  // The paper's "Analysis" paragraph for the category.
  analysis: text().notNull().default(""),
  position: integer().notNull(),
});

// Where a library row comes from: the paper's Appendix I as the seed loads it, or added later by an
// administrator (a later GGE or OEWG report, a new agreement). The seed never touches added rows.
export const libraryOrigin = pgEnum("library_origin", ["paper-2015", "added"]);

export const referenceDocuments = pgTable("reference_documents", {
  key: text().primaryKey(),
  title: text().notNull(),
  issuer: text().notNull(),
  date: text().notNull(),
  reference: text().notNull(),
  status: documentStatus().notNull(),
  authorKind: documentAuthorKind().notNull(),
  url: text(),
  describedInPaperAs: text().notNull(),
  source: libraryOrigin().notNull().default("paper-2015"),
  // Set for added documents: when the secretariat added it (the audit log names who).
  addedAt: timestamp({ withTimezone: true }),
});

export const referenceNorms = pgTable(
  "reference_norms",
  {
    // Stable ids from the data file, e.g. `ungge-f`; used in URLs.
    id: text().primaryKey(),
    documentKey: text()
      .notNull()
      .references(() => referenceDocuments.key),
    display: text().notNull(),
    label: text().notNull(),
    text: text().notNull(),
    variants: jsonb().$type<{ categories: string[]; text: string }[]>().notNull().default([]),
    position: integer().notNull(),
  },
  (t) => [index("reference_norms_document_key_idx").on(t.documentKey)],
);

export const referenceNormCategories = pgTable(
  "reference_norm_categories",
  {
    normId: text()
      .notNull()
      .references(() => referenceNorms.id, { onDelete: "cascade" }),
    categoryCode: text()
      .notNull()
      .references(() => normCategories.code),
  },
  (t) => [
    primaryKey({ columns: [t.normId, t.categoryCode] }),
    index("reference_norm_categories_category_code_idx").on(t.categoryCode),
  ],
);

export const forums = pgTable(
  "forums",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    kind: text().notNull(),
    year: integer().notNull(),
    date: text(),
    parties: text().array().notNull().default([]),
    normType: text().notNull(),
    summary: text().notNull(),
    reference: text(),
    seed: text().notNull(),
    otherSeeds: text().array().notNull().default([]),
    source: libraryOrigin().notNull().default("paper-2015"),
    // Added entries carry their own source link (the seeded ones cite the seed documents).
    url: text(),
    addedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("forums_year_idx").on(t.year)],
);

export const referenceCorrectionField = pgEnum("reference_correction_field", ["text", "categories"]);

// Every admin correction of a reference norm, kept for good and shown on the norm's page.
export const referenceNormCorrections = pgTable(
  "reference_norm_corrections",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: text()
      .notNull()
      .references(() => referenceNorms.id, { onDelete: "cascade" }),
    field: referenceCorrectionField().notNull(),
    // The text (a string) or the category codes (a string array), before and after.
    before: jsonb().$type<string | string[]>().notNull(),
    after: jsonb().$type<string | string[]>().notNull(),
    reason: text().notNull(),
    actorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reference_norm_corrections_norm_id_idx").on(t.normId)],
);
