// The growing library (issue 19). The paper's Appendix I, as the seed loads it, stays as the paper
// stated it (its rows are `paper-2015`; admins correct them through reference-corrections.ts). An
// administrator adds later documents (GGE and OEWG reports, for instance) with their norms and
// their placements in the five categories, and new forums-timeline entries, each with its source;
// each addition is one transaction with its audit entry. The matrix and the comparison read every
// document, so they grow with them.
import { eq, max, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { forums, normCategories, referenceDocuments, referenceNormCategories, referenceNorms } from "~/db/schema";
import { clock } from "../clock";
import { badInput, notFound } from "../errors";
import type { Actor } from "../policy";
import type { addForumInput, addReferenceDocumentInput, addReferenceNormInput } from "../schemas/library";
import { recordAudit } from "./audit";
import { slugWords } from "./slug";

const lower = (column: typeof referenceDocuments.key | typeof forums.id) => sql`lower(${column})`;

/** Adds a reference document with its source; its key must be new (the paper's keys included, in any case). */
export async function addReferenceDocument(db: Db, actor: Actor, input: z.output<typeof addReferenceDocumentInput>) {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ key: referenceDocuments.key }).from(referenceDocuments).where(eq(lower(referenceDocuments.key), input.key.toLowerCase()));
    if (taken) throw badInput("That key is taken.", { key: "That key is taken: choose another." });
    const addedAt = clock.now();
    await tx.insert(referenceDocuments).values({
      key: input.key,
      title: input.title,
      issuer: input.issuer,
      date: input.date,
      reference: input.reference,
      status: input.status,
      authorKind: input.authorKind,
      url: input.url,
      describedInPaperAs: "",
      source: "added",
      addedAt,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "library.document_added",
      targetType: "reference_document",
      targetId: input.key,
      details: { title: input.title, reference: input.reference, url: input.url },
    });
    return { key: input.key };
  });
}

/**
 * Adds a norm to a document an administrator added, placed in one or more of the five categories.
 * The paper's documents take no new norms: Appendix I stays as the paper stated it.
 */
export async function addReferenceNorm(db: Db, actor: Actor, input: z.output<typeof addReferenceNormInput>) {
  return db.transaction(async (tx) => {
    const [document] = await tx
      .select({ key: referenceDocuments.key, source: referenceDocuments.source })
      .from(referenceDocuments)
      .where(eq(referenceDocuments.key, input.documentKey));
    if (!document) throw badInput("Choose a document of the library.", { documentKey: "Choose a document of the library." });
    if (document.source !== "added") {
      throw badInput("The paper's documents stay as the paper stated them: add norms to a document added later.", {
        documentKey: "Choose a document added by the secretariat: the paper's documents stay as the paper stated them.",
      });
    }
    // A norm's id is its document's key and its paragraph's words, as the paper's ids are (ungge-f).
    const part = slugWords(input.label);
    if (!part) throw badInput("Give the paragraph with letters or digits.", { label: "Give the paragraph with letters or digits (for example 13(a))." });
    const id = `${document.key}-${part}`;
    const [taken] = await tx.select({ id: referenceNorms.id }).from(referenceNorms).where(eq(referenceNorms.id, id));
    if (taken) throw badInput("That document already has a norm with this paragraph.", { label: "That document already has a norm with this paragraph." });
    const wanted = [...new Set(input.categories)];
    const known = await tx.select({ code: normCategories.code }).from(normCategories);
    if (!wanted.every((c) => known.some((k) => k.code === c))) throw badInput("Choose categories that exist.", { categories: "Choose categories that exist." });
    const [{ last } = { last: null }] = await tx.select({ last: max(referenceNorms.position) }).from(referenceNorms);
    await tx.insert(referenceNorms).values({
      id,
      documentKey: document.key,
      display: input.display,
      label: input.label,
      text: input.text,
      position: (last ?? -1) + 1,
    });
    await tx.insert(referenceNormCategories).values(wanted.map((categoryCode) => ({ normId: id, categoryCode })));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "library.norm_added",
      targetType: "reference_norm",
      targetId: id,
      details: { documentKey: document.key, display: input.display, categories: wanted },
    });
    return { id };
  });
}

/** Adds an entry to the forums timeline, with its source link. */
export async function addForum(db: Db, actor: Actor, input: z.output<typeof addForumInput>) {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: forums.id }).from(forums).where(eq(lower(forums.id), input.id.toLowerCase()));
    if (taken) throw badInput("That key is taken.", { id: "That key is taken: choose another." });
    const parties = [
      ...new Set(
        input.parties
          .split(/[,;\n]/)
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ];
    if (parties.some((p) => p.length > 200)) throw badInput("Keep each party's name short.", { parties: "Keep each party's name to 200 characters or fewer." });
    await tx.insert(forums).values({
      id: input.id,
      name: input.name,
      kind: input.kind,
      year: Number(input.date.slice(0, 4)),
      date: input.date,
      parties,
      normType: input.normType,
      summary: input.summary,
      reference: input.reference || null,
      seed: "",
      source: "added",
      url: input.url,
      addedAt: clock.now(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "library.forum_added",
      targetType: "forum",
      targetId: input.id,
      details: { name: input.name, url: input.url },
    });
    return { id: input.id };
  });
}

/** The documents an administrator may add norms to, newest first, for the admin page. */
export async function listAddedDocuments(db: Db) {
  return db
    .select({ key: referenceDocuments.key, title: referenceDocuments.title, reference: referenceDocuments.reference, date: referenceDocuments.date, addedAt: referenceDocuments.addedAt })
    .from(referenceDocuments)
    .where(eq(referenceDocuments.source, "added"))
    .orderBy(sql`${referenceDocuments.addedAt} desc nulls last`, referenceDocuments.key);
}

export async function requireDocument(db: Db, key: string) {
  const [row] = await db.select({ key: referenceDocuments.key }).from(referenceDocuments).where(eq(referenceDocuments.key, key));
  if (!row) throw notFound("The reference document");
  return row;
}
