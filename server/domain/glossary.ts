// The glossary (issue 19): the terms the norms use, each with the definitions the reference
// documents give, quoted with their sources. Where no document defines a term, the page lists the
// reference norms that use it, found by the same matcher that links clauses (server/glossary/link.ts).
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/connect";
import { glossaryDefinitions, glossaryTerms, referenceDocuments, referenceNorms } from "~/db/schema";
import { glossaryMatcher, type GlossaryTermPhrases } from "../glossary/link";

/** Every term with the phrases that name it (the term and its aliases), for the clause linker. */
export async function glossaryPhrases(db: DbOrTx): Promise<GlossaryTermPhrases[]> {
  const rows = await db.select({ slug: glossaryTerms.slug, term: glossaryTerms.term, aliases: glossaryTerms.aliases }).from(glossaryTerms);
  return rows.map((r) => ({ slug: r.slug, phrases: [r.term, ...r.aliases] }));
}

/** The glossary in alphabetical order, each term with its quoted definitions and the reference norms that use it. */
export async function getGlossary(db: DbOrTx) {
  const [terms, definitions, normRows] = await Promise.all([
    db.select().from(glossaryTerms),
    db
      .select({
        termSlug: glossaryDefinitions.termSlug,
        text: glossaryDefinitions.text,
        locator: glossaryDefinitions.locator,
        source: glossaryDefinitions.source,
        url: glossaryDefinitions.url,
        document: { key: referenceDocuments.key, title: referenceDocuments.title, reference: referenceDocuments.reference, url: referenceDocuments.url },
      })
      .from(glossaryDefinitions)
      .leftJoin(referenceDocuments, eq(referenceDocuments.key, glossaryDefinitions.referenceDocumentKey))
      .orderBy(asc(glossaryDefinitions.termSlug), asc(glossaryDefinitions.position)),
    db.select({ id: referenceNorms.id, display: referenceNorms.display, text: referenceNorms.text }).from(referenceNorms).orderBy(asc(referenceNorms.position)),
  ]);
  const matcher = glossaryMatcher(terms.map((t) => ({ slug: t.slug, phrases: [t.term, ...t.aliases] })));
  const usedIn = new Map<string, { id: string; display: string }[]>();
  for (const n of normRows) {
    for (const s of matcher.link(n.text)) if (s.slug) usedIn.set(s.slug, [...(usedIn.get(s.slug) ?? []), { id: n.id, display: n.display }]);
  }
  const collator = new Intl.Collator("en", { sensitivity: "base" });
  return terms
    .sort((a, b) => collator.compare(a.term, b.term))
    .map((t) => ({
      slug: t.slug,
      term: t.term,
      aliases: t.aliases,
      note: t.note,
      definitions: definitions.filter((d) => d.termSlug === t.slug).map(({ termSlug: _slug, ...d }) => d),
      usedIn: usedIn.get(t.slug) ?? [],
    }));
}

export type Glossary = Awaited<ReturnType<typeof getGlossary>>;

/** The slugs that exist among these (to check links). */
export async function existingTermSlugs(db: DbOrTx, slugs: string[]) {
  if (slugs.length === 0) return [];
  return (await db.select({ slug: glossaryTerms.slug }).from(glossaryTerms).where(inArray(glossaryTerms.slug, slugs))).map((r) => r.slug);
}
