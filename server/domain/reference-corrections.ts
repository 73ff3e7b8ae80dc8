// Admin corrections of the reference library. The data comes from the paper, so it is read-only
// to everyone else; every correction is kept with its reason and shown on the norm's page.
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { normCategories, referenceNormCategories, referenceNormCorrections, referenceNorms } from "~/db/schema";
import { badInput, notFound } from "../errors";
import type { Actor } from "../policy";
import type { correctReferenceNormInput } from "../schemas/references";
import { recordAudit } from "./audit";

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c) => b.includes(c));

/** Corrects a reference norm's text and/or categories in one transaction, keeping what changed and why. */
export async function correctReferenceNorm(db: Db, actor: Actor, input: z.output<typeof correctReferenceNormInput>) {
  return db.transaction(async (tx) => {
    const norm = await tx.query.referenceNorms.findFirst({ columns: { id: true, text: true }, where: eq(referenceNorms.id, input.id) });
    if (!norm) throw notFound("The reference norm");
    const placed = await tx
      .select({ code: referenceNormCategories.categoryCode })
      .from(referenceNormCategories)
      .innerJoin(normCategories, eq(normCategories.code, referenceNormCategories.categoryCode))
      .where(eq(referenceNormCategories.normId, input.id))
      .orderBy(asc(normCategories.position));
    const before = placed.map((p) => p.code);

    const changes: { field: "text" | "categories"; before: string | string[]; after: string | string[] }[] = [];
    if (input.text !== undefined && input.text !== norm.text) {
      await tx.update(referenceNorms).set({ text: input.text }).where(eq(referenceNorms.id, input.id));
      changes.push({ field: "text", before: norm.text, after: input.text });
    }
    if (input.categories !== undefined) {
      const wanted = [...new Set(input.categories)];
      const known = await tx
        .select({ code: normCategories.code })
        .from(normCategories)
        .where(inArray(normCategories.code, wanted))
        .orderBy(asc(normCategories.position));
      if (known.length !== wanted.length) throw badInput("Choose categories that exist.", { categories: "Choose categories that exist." });
      const after = known.map((k) => k.code);
      if (!sameCodes(before, after)) {
        await tx.delete(referenceNormCategories).where(eq(referenceNormCategories.normId, input.id));
        await tx.insert(referenceNormCategories).values(after.map((categoryCode) => ({ normId: input.id, categoryCode })));
        changes.push({ field: "categories", before, after });
      }
    }
    if (changes.length === 0) throw badInput("Nothing changed: edit the text or the categories.");

    const rows = await tx
      .insert(referenceNormCorrections)
      .values(changes.map((c) => ({ ...c, normId: input.id, reason: input.reason, actorId: actor.id })))
      .returning({ id: referenceNormCorrections.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "reference.corrected",
      targetType: "reference_norm",
      targetId: input.id,
      details: { fields: changes.map((c) => c.field), reason: input.reason, corrections: rows.map((r) => r.id) },
    });
    return { id: input.id, fields: changes.map((c) => c.field) };
  });
}

/** A reference norm's corrections, newest first. The admin is not named: the forum's administrators correct. */
export async function getCorrectionHistory(db: Db, id: string) {
  const norm = await db.query.referenceNorms.findFirst({ columns: { id: true }, where: eq(referenceNorms.id, id) });
  if (!norm) throw notFound("The reference norm");
  return db
    .select({
      id: referenceNormCorrections.id,
      field: referenceNormCorrections.field,
      before: referenceNormCorrections.before,
      after: referenceNormCorrections.after,
      reason: referenceNormCorrections.reason,
      createdAt: referenceNormCorrections.createdAt,
    })
    .from(referenceNormCorrections)
    .where(eq(referenceNormCorrections.normId, id))
    .orderBy(desc(referenceNormCorrections.createdAt), asc(referenceNormCorrections.field));
}

export type CorrectionHistory = Awaited<ReturnType<typeof getCorrectionHistory>>;
