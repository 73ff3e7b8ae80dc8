// Translations of a norm's versions (issue 20, "The content"). A version's own text, in the norm's
// language, is the authoritative text: positions, amendments and comments refer to it. Its authors
// (proposer and co-authors) and the secretariat may add a translation of a version's title,
// summary, clauses and rationale into any other of the forum's six languages, or replace it; each is
// shown marked as a translation, with who provided it and when, and the authoritative text one click away.
import { type AnyColumn, and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, resultRows, type Tx } from "~/db/connect";
import { norms, normVersions, normVersionTranslations, users } from "~/db/schema";
import { clock } from "../clock";
import { badInput, forbidden, notFound } from "../errors";
import { isLocale, type Locale } from "../i18n/locales";
import { forumLocale } from "../i18n/paths";
import { type Actor, isStaff } from "../policy";
import type { translateInput } from "../schemas/translations";
import { recordAudit } from "./audit";
import { authorRole, saveNormSearch, searchable, searchableIn, searchHead, searchVector } from "./norms";
import { isPublicNorm } from "./norm-visibility";
import { personName } from "./person-name";

type TranslateInput = z.output<typeof translateInput>;

/** The text-search configurations a query is read in: one per forum language with a stemmer, and 'simple' for the rest. */
const QUERY_CONFIGS = ["english", "french", "spanish", "russian", "arabic", "simple"] as const;

/**
 * A search as a tsquery that matches a norm's words in any of its languages: the words read by
 * each language's configuration, OR-ed, so a French word finds the French text (stemmed as French)
 * and an Arabic word the Arabic translation; Chinese characters as the pairs the documents hold.
 * One condition on the norm's search document, which its GIN index serves (docs/performance.md).
 *
 * The configurations mostly agree ("infrastructure" is 'infrastructur' in four of them), so the
 * query is read once by PostgreSQL, each distinct reading kept once, and the result given to the
 * search as a constant: half the terms to rank and highlight, and an estimate the planner can use.
 * The readings of recent searches are kept (they depend only on the words and the dictionaries).
 */
export async function multilingualQuery(db: DbOrTx, q: string): Promise<SQL> {
  const key = q.trim();
  let reading = readings.get(key);
  if (reading === undefined) {
    const plain = searchable(q);
    const parts = QUERY_CONFIGS.map((cfg) => sql`websearch_to_tsquery(${cfg}::regconfig, ${plain})::text`);
    if (/\p{Script=Han}/u.test(q)) parts.push(sql`websearch_to_tsquery('simple', ${searchableIn("zh", q)})::text`);
    const [row] = resultRows<{ readings: string[] }>(await db.execute(sql`select array[${sql.join(parts, sql`, `)}] as readings`));
    const distinct = [...new Set(row!.readings.filter((r) => r !== ""))];
    reading = distinct.map((r) => `( ${r} )`).join(" | ");
    if (readings.size >= MAX_READINGS) readings.delete(readings.keys().next().value!);
    readings.set(key, reading);
  }
  return sql`${reading}::tsquery`;
}

const MAX_READINGS = 1000;
const readings = new Map<string, string>();

/**
 * For a listed norm, the languages of its translations that match the query (the list says where
 * it was found); a correlated subquery over the norm's few translation rows, read by the
 * (norm_id, version, language) index, for the page's rows only.
 */
export const matchedLanguages = (normId: SQL | AnyColumn, query: SQL) =>
  sql<Locale[]>`array(select distinct t.language from ${normVersionTranslations} t where t.norm_id = ${normId} and t.search @@ ${query} order by 1)`;

/**
 * For a listed norm, its title and summary in the reader's language from the newest version
 * translated into it, or null: a correlated subquery for the page's rows only, read by the
 * (norm_id, version, language) index.
 */
export const translationForList = (normId: SQL | AnyColumn, language: Locale) =>
  sql<{ title: string; summary: string; version: number } | null>`(select json_build_object('title', t.title, 'summary', t.summary, 'version', t.version) from ${normVersionTranslations} t where t.norm_id = ${normId} and t.language = ${language} order by t.version desc limit 1)`;

/**
 * The latest translation in each language (of the newest version translated into it), for the
 * norm's search documents: a norm is found by words in any of its languages.
 */
export async function latestTranslations(db: DbOrTx, normId: string) {
  return db
    .selectDistinctOn([normVersionTranslations.language], {
      language: normVersionTranslations.language,
      title: normVersionTranslations.title,
      summary: normVersionTranslations.summary,
      clauses: normVersionTranslations.clauses,
    })
    .from(normVersionTranslations)
    .where(eq(normVersionTranslations.normId, normId))
    .orderBy(asc(normVersionTranslations.language), desc(normVersionTranslations.version));
}

/**
 * The norm's two search documents: the authoritative text in its language's configuration, then
 * the latest translation in each other language in that language's configuration. Set by every
 * write that changes either (a new version, a translation).
 */
async function normSearchColumns(db: DbOrTx, normId: string, language: string, title: string, summary: string, clauses: string[]) {
  const translations = await latestTranslations(db, normId);
  const search = [searchVector(language, title, summary, clauses), ...translations.map((t) => searchVector(t.language, t.title, t.summary, t.clauses))];
  const head = [searchHead(language, title, summary), ...translations.map((t) => searchHead(t.language, t.title, t.summary))];
  return { search: sql.join(search, sql` || `), searchHead: sql.join(head, sql` || `) };
}

/** Sets the norm's search documents (normSearchColumns) for its current title, summary and clauses. */
export async function writeNormSearch(db: DbOrTx, normId: string, language: string, title: string, summary: string, clauses: string[]) {
  await saveNormSearch(db, normId, title, await normSearchColumns(db, normId, language, title, summary, clauses));
}

/** Adds a translation of one version, or replaces the one in that language; by its authors or the secretariat. */
export async function translate(db: Db, actor: Actor, input: TranslateInput) {
  return db.transaction(async (tx) => {
    const [norm] = await tx.select({ id: norms.id, slug: norms.slug, proposerId: norms.proposerId, submittedAt: norms.submittedAt, language: norms.language, currentVersion: norms.currentVersion }).from(norms).where(eq(norms.id, input.normId)).for("update");
    if (!norm) throw notFound("The norm");
    const role = await authorRole(tx, actor.id, norm);
    // A draft is its authors' alone: for anyone else, the secretariat included, it does not exist.
    if (!isPublicNorm(norm) && !role) throw notFound("The norm");
    if (!role && !isStaff(actor)) throw forbidden("Only the norm's authors and the secretariat can add or replace a translation.");
    const version = await tx.query.normVersions.findFirst({
      columns: { number: true, clauses: true },
      where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, input.version)),
    });
    if (!version) throw notFound(`Version ${input.version} of this norm`);
    if (forumLocale(norm.language) === input.language) {
      const message = "The authoritative text is already in this language: choose another language for the translation.";
      throw badInput(message, { language: message });
    }
    if (input.clauses.length !== version.clauses.length) {
      const message = `Translate each of the version's ${version.clauses.length} clauses, in order: this translation has ${input.clauses.length}.`;
      throw badInput(message, { clauses: message });
    }
    const now = clock.now();
    const row = {
      title: input.title,
      summary: input.summary,
      clauses: input.clauses,
      rationale: input.rationale,
      providedById: actor.id,
      updatedAt: now,
      search: searchVector(input.language, input.title, input.summary, input.clauses),
    };
    const [saved] = await tx
      .insert(normVersionTranslations)
      .values({ normId: norm.id, version: input.version, language: input.language, createdAt: now, ...row })
      .onConflictDoUpdate({ target: [normVersionTranslations.normId, normVersionTranslations.version, normVersionTranslations.language], set: row })
      .returning({ id: normVersionTranslations.id, createdAt: normVersionTranslations.createdAt });
    // The secretariat speaks for nobody: a text it puts into a language on the authors' behalf is
    // accounted for in the audit log, as its other acts are (the page names who provided it too).
    if (!role) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "norm.translation_saved",
        targetType: "norm_translation",
        targetId: saved!.id,
        details: { slug: norm.slug, version: input.version, language: input.language, replaced: saved!.createdAt.getTime() !== now.getTime() },
      });
    }
    await refreshSearch(tx, norm);
    return { id: saved!.id, slug: norm.slug, version: input.version, language: input.language };
  });
}

/** Sets the norm's search documents again from its current text and its latest translations. */
async function refreshSearch(tx: Tx, norm: { id: string; language: string; currentVersion: number }) {
  const current = await tx.query.normVersions.findFirst({
    columns: { title: true, summary: true, clauses: true },
    where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, norm.currentVersion)),
  });
  if (!current) return;
  await writeNormSearch(tx, norm.id, norm.language, current.title, current.summary, current.clauses);
}

const translationColumns = {
  version: normVersionTranslations.version,
  language: normVersionTranslations.language,
  title: normVersionTranslations.title,
  summary: normVersionTranslations.summary,
  clauses: normVersionTranslations.clauses,
  rationale: normVersionTranslations.rationale,
  providedBy: personName(),
  providedAt: normVersionTranslations.updatedAt,
  createdAt: normVersionTranslations.createdAt,
};

export type Translation = {
  version: number;
  language: Locale;
  title: string;
  summary: string;
  clauses: string[];
  rationale: string;
  providedBy: string;
  providedAt: Date;
  createdAt: Date;
};

/** The translations of some of a norm's versions into one language (the redline's two versions, a page's one). */
export async function translationsIn(db: DbOrTx, normId: string, versions: number[], language: string): Promise<Translation[]> {
  if (!versions.length || !isLocale(language)) return [];
  const rows = await db
    .select(translationColumns)
    .from(normVersionTranslations)
    .innerJoin(users, eq(users.id, normVersionTranslations.providedById))
    .where(and(eq(normVersionTranslations.normId, normId), eq(normVersionTranslations.language, language), inArray(normVersionTranslations.version, versions)));
  return rows as Translation[];
}

/** Every translation of a norm, without its text: which versions are in which languages, by whom and when. */
export async function translationsOf(db: DbOrTx, normId: string) {
  const rows = await db
    .select({ version: normVersionTranslations.version, language: normVersionTranslations.language, providedBy: personName(), providedAt: normVersionTranslations.updatedAt })
    .from(normVersionTranslations)
    .innerJoin(users, eq(users.id, normVersionTranslations.providedById))
    .where(eq(normVersionTranslations.normId, normId))
    .orderBy(desc(normVersionTranslations.version), asc(normVersionTranslations.language));
  return rows as { version: number; language: Locale; providedBy: string; providedAt: Date }[];
}

/** Whether the actor may add or replace translations of this norm (its authors, the secretariat; not suspended). */
export const mayTranslate = (actor: Actor | null, role: string | null) => Boolean(actor && !actor.suspension && (role !== null || isStaff(actor)));

/**
 * One version with its translation into one language, if there is one: what the translation form
 * starts from and what a reader of that language is shown. A draft is not found for non-authors.
 */
export async function translationOf(db: Db, actor: Actor | null, slug: string, number: number, language: Locale) {
  const norm = await db.query.norms.findFirst({
    columns: { id: true, slug: true, title: true, language: true, rationale: true, currentVersion: true, status: true, proposerId: true, submittedAt: true },
    where: eq(norms.slug, slug),
  });
  if (!norm) throw notFound("The norm");
  const role = actor ? await authorRole(db, actor.id, norm) : null;
  if (!isPublicNorm(norm) && !role) throw notFound("The norm");
  const [version, [translation]] = await Promise.all([
    db.query.normVersions.findFirst({
      columns: { number: true, title: true, summary: true, clauses: true, createdAt: true },
      where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, number)),
    }),
    translationsIn(db, norm.id, [number], language),
  ]);
  if (!version) throw notFound(`Version ${number} of this norm`);
  return {
    norm: { id: norm.id, slug: norm.slug, title: norm.title, language: norm.language, currentVersion: norm.currentVersion, status: norm.status, isPublic: isPublicNorm(norm) },
    // The authoritative text of the version; the rationale is the norm's (it is not versioned).
    version: { ...version, rationale: norm.rationale },
    translation: translation ?? null,
    // Whether the language asked for is the authoritative one (nothing to translate into).
    authoritative: forumLocale(norm.language) === language,
    canTranslate: mayTranslate(actor, role),
  };
}
