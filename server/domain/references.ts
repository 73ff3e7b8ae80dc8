import { and, arrayContains, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import {
  forums,
  normCategories,
  normCitations,
  normPlacements,
  norms,
  referenceDocuments,
  referenceNormCategories,
  referenceNorms,
} from "~/db/schema";
import { notFound } from "../errors";
import type { listForumsInput } from "../schemas/references";
import { publicNorm } from "./norm-visibility";
import { clock } from "../clock";
import { withStage } from "./stage-clock";
import { uptakeForNorm } from "./uptake";

const documentColumns = {
  key: referenceDocuments.key,
  title: referenceDocuments.title,
  issuer: referenceDocuments.issuer,
  date: referenceDocuments.date,
  reference: referenceDocuments.reference,
  status: referenceDocuments.status,
  authorKind: referenceDocuments.authorKind,
  url: referenceDocuments.url,
  // The paper's Appendix I (`paper-2015`) or added later by the secretariat (`added`, with its date).
  source: referenceDocuments.source,
  addedAt: referenceDocuments.addedAt,
};

// With the published measures, so the library can show where the forum's proposals stand.
const proposalColumns = { slug: norms.slug, title: norms.title, status: norms.status, support: norms.support, positionCount: norms.positionCount };

// Drafts belong to their authors alone: no public reference view may list them.
const isPublicProposal = publicNorm();

function groupBy<T, K>(rows: T[], key: (row: T) => K) {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return map;
}

/** Appendix I: the categories, the five documents, their norms and the forum's public proposals per category. */
export async function getMatrix(db: Db) {
  const [categories, documents, normRows, placements, proposals] = await Promise.all([
    db.select().from(normCategories).orderBy(asc(normCategories.position)),
    db.select(documentColumns).from(referenceDocuments),
    db
      .select({
        id: referenceNorms.id,
        documentKey: referenceNorms.documentKey,
        display: referenceNorms.display,
        label: referenceNorms.label,
        text: referenceNorms.text,
        position: referenceNorms.position,
      })
      .from(referenceNorms)
      .orderBy(asc(referenceNorms.position)),
    db.select().from(referenceNormCategories),
    db
      .select({ ...proposalColumns, categoryCode: normPlacements.categoryCode })
      .from(normPlacements)
      .innerJoin(norms, eq(norms.id, normPlacements.normId))
      .where(isPublicProposal)
      .orderBy(asc(norms.title)),
  ]);
  const categoriesByNorm = groupBy(placements, (p) => p.normId);
  const proposalsByCategory = groupBy(proposals, (p) => p.categoryCode);
  // Documents in the order the paper's table gives them: the order of their first norm.
  const firstPosition = new Map<string, number>();
  for (const n of normRows) if (!firstPosition.has(n.documentKey)) firstPosition.set(n.documentKey, n.position);
  const order = (key: string) => firstPosition.get(key) ?? Number.MAX_SAFE_INTEGER;
  return {
    categories: categories.map((c) => ({
      code: c.code,
      title: c.title,
      analysis: c.analysis,
      proposals: (proposalsByCategory.get(c.code) ?? []).map(({ categoryCode: _code, ...proposal }) => proposal),
    })),
    documents: documents.sort((a, b) => order(a.key) - order(b.key)),
    norms: normRows.map((n) => ({
      ...n,
      categories: (categoriesByNorm.get(n.id) ?? []).map((p) => p.categoryCode),
    })),
  };
}

/** One reference norm as the paper quotes it, with the forum's public proposals that cite it. */
export async function getReferenceNorm(db: Db, id: string) {
  const [norm] = await db
    .select({
      id: referenceNorms.id,
      display: referenceNorms.display,
      label: referenceNorms.label,
      text: referenceNorms.text,
      variants: referenceNorms.variants,
      document: documentColumns,
    })
    .from(referenceNorms)
    .innerJoin(referenceDocuments, eq(referenceDocuments.key, referenceNorms.documentKey))
    .where(eq(referenceNorms.id, id));
  if (!norm) throw notFound("The reference norm");
  const [categories, citedBy, uptake] = await Promise.all([
    db
      .select({ code: normCategories.code, title: normCategories.title })
      .from(referenceNormCategories)
      .innerJoin(normCategories, eq(normCategories.code, referenceNormCategories.categoryCode))
      .where(eq(referenceNormCategories.normId, id))
      .orderBy(asc(normCategories.position)),
    db
      .select({ ...proposalColumns, stageClosesAt: norms.stageClosesAt, stageSealed: norms.stageSealed })
      .from(normCitations)
      .innerJoin(norms, eq(norms.id, normCitations.normId))
      .where(and(eq(normCitations.referenceNormId, id), isPublicProposal))
      .orderBy(asc(norms.title)),
    uptakeForNorm(db, { referenceNormId: id }),
  ]);
  const now = clock.now();
  return { ...norm, categories, citedBy: citedBy.map((p) => withStage(p, now)), uptake };
}

/** The forums timeline, oldest first, with the kinds and parties to filter by. */
export async function listForums(db: Db, input: z.output<typeof listForumsInput>) {
  const where = and(
    input.kind ? eq(forums.kind, input.kind) : undefined,
    input.party ? arrayContains(forums.parties, [input.party]) : undefined,
  );
  const [items, all] = await Promise.all([
    db
      .select({
        id: forums.id,
        name: forums.name,
        kind: forums.kind,
        year: forums.year,
        date: forums.date,
        parties: forums.parties,
        normType: forums.normType,
        summary: forums.summary,
        reference: forums.reference,
        source: forums.source,
        url: forums.url,
        addedAt: forums.addedAt,
      })
      .from(forums)
      .where(where)
      .orderBy(asc(forums.year), asc(forums.date), asc(forums.name)),
    db.select({ kind: forums.kind, parties: forums.parties }).from(forums),
  ]);
  const collator = new Intl.Collator("en");
  return {
    items,
    kinds: [...new Set(all.map((f) => f.kind))].sort(collator.compare),
    parties: [...new Set(all.flatMap((f) => f.parties))].sort(collator.compare),
  };
}

export type ReferenceMatrix = Awaited<ReturnType<typeof getMatrix>>;
