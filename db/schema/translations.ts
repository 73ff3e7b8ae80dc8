import { sql } from "drizzle-orm";
import { check, customType, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { norms, normVersions } from "./norms";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A translation of one version of a norm into one of the forum's six languages (issue 20). The
 * version's own text, in the norm's language, stays the authoritative text that positions refer to;
 * a translation is marked as one wherever it is shown, with who provided it and when. One per
 * version and language; replacing it keeps the row (updatedAt moves, providedBy is the last provider).
 */
export const normVersionTranslations = pgTable(
  "norm_version_translations",
  {
    id: uuid().primaryKey().defaultRandom(),
    normId: uuid()
      .notNull()
      .references(() => norms.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    // The forum's language code (server/i18n/locales.ts): ar, zh, en, fr, ru or es; never the
    // language of the version itself (checked by the domain, which knows the norm's language).
    language: text().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    // As many clauses as the version has, in the same order.
    clauses: jsonb().$type<string[]>().notNull(),
    rationale: text().notNull().default(""),
    providedById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Title (A), summary (B) and text (C) in the language's text-search configuration (Chinese:
    // character bigrams in 'simple'; docs/performance.md, "Search"). The norm's own search documents
    // carry the latest translation in each language, so the list's one index finds them.
    search: tsvector().notNull(),
  },
  (t) => [
    uniqueIndex("norm_version_translations_key").on(t.normId, t.version, t.language),
    index("norm_version_translations_provided_by_id_idx").on(t.providedById),
    foreignKey({ name: "norm_version_translations_version_fk", columns: [t.normId, t.version], foreignColumns: [normVersions.normId, normVersions.number] }).onDelete("cascade"),
    check("norm_version_translations_language_chk", sql`${t.language} in ('ar', 'zh', 'en', 'fr', 'ru', 'es')`),
  ],
);
