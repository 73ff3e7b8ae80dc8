// Side-by-side comparison of two to four norms: reference norms and public proposals at a chosen
// version, with a word-level diff for every pair. Drafts are never shown here, even to their authors.
import { and, asc, desc, eq, ilike, inArray, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { norms, normSearch, normVersions, referenceDocuments, referenceNorms } from "~/db/schema";
import { badInput, notFound } from "../errors";
import { COMPARE_MAX, COMPARE_MIN, type CompareItem, type compareInput, type compareSearchInput, parseCompareItem } from "../schemas/compare";
import { type DiffPart, diffWords } from "./diff";
import { isPublicNorm, publicNorm } from "./norm-visibility";
import { textOf } from "./norms";

export interface ComparedItem {
  item: string;
  kind: "reference" | "proposal";
  label: string;
  /** The reference document's title, or the proposal's title. */
  source: string;
  link: string;
  text: string;
  version: number | null;
  currentVersion: number | null;
  language: string | null;
}

async function loadItem(db: Db, item: CompareItem): Promise<ComparedItem> {
  if (item.kind === "reference") {
    const [row] = await db
      .select({ id: referenceNorms.id, display: referenceNorms.display, text: referenceNorms.text, document: referenceDocuments.title })
      .from(referenceNorms)
      .innerJoin(referenceDocuments, eq(referenceDocuments.key, referenceNorms.documentKey))
      .where(eq(referenceNorms.id, item.id));
    if (!row) throw notFound(`The reference norm “${item.id}”`);
    return {
      item: item.raw,
      kind: "reference",
      label: row.display,
      source: row.document,
      link: `/reference/norms/${encodeURIComponent(row.id)}`,
      text: row.text,
      version: null,
      currentVersion: null,
      language: null,
    };
  }
  const norm = await db.query.norms.findFirst({ where: eq(norms.slug, item.slug) });
  // A norm never submitted is treated as if it did not exist, whoever asks.
  if (!norm || !isPublicNorm(norm)) throw notFound(`The proposal “${item.slug}”`);
  const number = item.version ?? norm.currentVersion;
  const [version] = await db
    .select({ title: normVersions.title, clauses: normVersions.clauses })
    .from(normVersions)
    .where(and(eq(normVersions.normId, norm.id), eq(normVersions.number, number)));
  if (!version) throw notFound(`Version ${number} of the proposal “${item.slug}”`);
  return {
    item: `norm:${norm.slug}@${number}`,
    kind: "proposal",
    label: `${version.title}, version ${number}`,
    source: norm.title,
    link: `/norms/${encodeURIComponent(norm.slug)}/v/${number}`,
    text: textOf(version.clauses),
    version: number,
    currentVersion: norm.currentVersion,
    language: norm.language,
  };
}

export async function compare(db: Db, input: z.output<typeof compareInput>) {
  const raw = input.items;
  if (raw.length < COMPARE_MIN) throw badInput("Choose at least two norms to compare.");
  if (raw.length > COMPARE_MAX) throw badInput(`Compare at most four norms at a time; you chose ${raw.length}.`);
  const parsed = raw.map((r) => {
    const item = parseCompareItem(r);
    if (!item) throw badInput(`“${r}” is not a norm to compare. Use ref:<id>, norm:<slug> or norm:<slug>@<version>.`);
    return item;
  });
  const items: ComparedItem[] = [];
  for (const item of parsed) items.push(await loadItem(db, item));
  const diffs: { a: number; b: number; parts: DiffPart[] }[] = [];
  for (let a = 0; a < items.length; a++)
    for (let b = a + 1; b < items.length; b++) diffs.push({ a, b, parts: diffWords(items[a]!.text, items[b]!.text) });
  return { items, diffs };
}

export type Comparison = Awaited<ReturnType<typeof compare>>;

/** How many proposals and how many reference norms one search for the compare picker returns. */
export const COMPARE_SEARCH_LIMIT = 8;

/** A LIKE pattern matching the text literally, wherever it appears. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Norms to put into a comparison, found by title: public proposals with every version (newest
 * first), and reference norms by their name (e.g. "UNGGE (f)"), document title or wording. Drafts
 * never appear, whoever asks.
 */
export async function searchCompareChoices(db: Db, input: z.output<typeof compareSearchInput>) {
  const pattern = contains(input.q);
  const [proposalRows, referenceRows] = await Promise.all([
    db
      .select({ id: norms.id, slug: norms.slug, title: norms.title, status: norms.status, currentVersion: norms.currentVersion })
      .from(norms)
      // The same title twice: in `norms`, read in title order from the covering index (a common
      // term stops after a page), and in norm_search, whose trigram index finds a rare one.
      .innerJoin(normSearch, eq(normSearch.normId, norms.id))
      .where(and(publicNorm(), ilike(norms.title, pattern), ilike(normSearch.title, pattern)))
      .orderBy(asc(norms.title), asc(norms.id))
      .limit(COMPARE_SEARCH_LIMIT),
    db
      .select({ id: referenceNorms.id, display: referenceNorms.display, document: referenceDocuments.title })
      .from(referenceNorms)
      .innerJoin(referenceDocuments, eq(referenceDocuments.key, referenceNorms.documentKey))
      .where(or(ilike(referenceNorms.display, pattern), ilike(referenceDocuments.title, pattern), ilike(referenceNorms.text, pattern)))
      .orderBy(asc(referenceNorms.position))
      .limit(COMPARE_SEARCH_LIMIT),
  ]);
  const versionRows = proposalRows.length
    ? await db
        .select({ normId: normVersions.normId, number: normVersions.number, title: normVersions.title })
        .from(normVersions)
        .where(
          inArray(
            normVersions.normId,
            proposalRows.map((p) => p.id),
          ),
        )
        .orderBy(desc(normVersions.number))
    : [];
  return {
    q: input.q,
    proposals: proposalRows.map((p) => ({
      slug: p.slug,
      title: p.title,
      status: p.status,
      currentVersion: p.currentVersion,
      versions: versionRows
        .filter((v) => v.normId === p.id)
        .map((v) => ({ number: v.number, title: v.title, item: `norm:${p.slug}@${v.number}` })),
    })),
    referenceNorms: referenceRows.map((r) => ({ id: r.id, display: r.display, document: r.document, item: `ref:${r.id}` })),
  };
}

export type CompareChoices = Awaited<ReturnType<typeof searchCompareChoices>>;
