// Where norms were taken up (issue 19): the document, the forum, the paragraph, the date, the link
// and the states party to it, for a forum norm or a reference norm (exactly one; the table's check
// holds it too). The secretariat records, edits and deletes records, each with an audit entry;
// anyone reads them, as a timeline on the norm's page and in open data.
import { and, arrayOverlaps, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "~/db/connect";
import { forums, normUptakes, norms, referenceNorms } from "~/db/schema";
import { clock } from "../clock";
import { badInput, notFound } from "../errors";
import type { Actor } from "../policy";
import type { recordUptakeInput, updateUptakeInput } from "../schemas/library";
import { groupsOf } from "../schemas/state-groups";
import { recordAudit } from "./audit";
import { publicNorm } from "./norm-visibility";

const uptakeColumns = {
  id: normUptakes.id,
  document: normUptakes.document,
  forumId: normUptakes.forumId,
  // The forums-timeline entry's name when the record names one, else the forum as given.
  forum: sql<string>`coalesce(${forums.name}, ${normUptakes.forum})`,
  paragraph: normUptakes.paragraph,
  takenUpOn: normUptakes.takenUpOn,
  url: normUptakes.url,
  parties: normUptakes.parties,
};

export type Uptake = { id: string; document: string; forumId: string | null; forum: string; paragraph: string; takenUpOn: string; url: string | null; parties: string[] };

async function checkForum(tx: DbOrTx, forumId: string | null) {
  if (!forumId) return;
  const [row] = await tx.select({ id: forums.id }).from(forums).where(eq(forums.id, forumId));
  if (!row) throw badInput("Choose a forum from the timeline.", { forumId: "Choose a forum from the timeline, or leave it empty and name the forum." });
}

const fields = (input: z.output<typeof updateUptakeInput> | z.output<typeof recordUptakeInput>) => ({
  document: input.document,
  forumId: input.forumId,
  forum: input.forum,
  paragraph: input.paragraph,
  takenUpOn: input.takenUpOn,
  url: input.url,
  parties: [...new Set(input.parties)],
});

/** Records that a public forum norm or a reference norm was taken up. */
export async function recordUptake(db: Db, actor: Actor, input: z.output<typeof recordUptakeInput>) {
  return db.transaction(async (tx) => {
    if (input.normId) {
      const [norm] = await tx.select({ id: norms.id }).from(norms).where(and(eq(norms.id, input.normId), publicNorm()));
      if (!norm) throw badInput("Choose a public norm.", { normId: "Choose a norm that has been made public." });
    } else {
      const [norm] = await tx.select({ id: referenceNorms.id }).from(referenceNorms).where(eq(referenceNorms.id, input.referenceNormId!));
      if (!norm) throw badInput("Choose a reference norm.", { referenceNormId: "Choose a reference norm of the library." });
    }
    await checkForum(tx, input.forumId);
    const [row] = await tx
      .insert(normUptakes)
      .values({ normId: input.normId ?? null, referenceNormId: input.referenceNormId ?? null, ...fields(input), createdById: actor.id, createdAt: clock.now(), updatedAt: clock.now() })
      .returning({ id: normUptakes.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "uptake.recorded",
      targetType: "norm_uptake",
      targetId: row!.id,
      details: { normId: input.normId ?? null, referenceNormId: input.referenceNormId ?? null, document: input.document, paragraph: input.paragraph, takenUpOn: input.takenUpOn },
    });
    return { id: row!.id };
  });
}

/** Edits an uptake record; the audit entry keeps what it said before. */
export async function updateUptake(db: Db, actor: Actor, input: z.output<typeof updateUptakeInput>) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(normUptakes).where(eq(normUptakes.id, input.id)).for("update");
    if (!before) throw notFound("The uptake record");
    await checkForum(tx, input.forumId);
    const after = fields(input);
    await tx.update(normUptakes).set({ ...after, updatedAt: clock.now() }).where(eq(normUptakes.id, input.id));
    const { document, forumId, forum, paragraph, takenUpOn, url, parties } = before;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "uptake.updated",
      targetType: "norm_uptake",
      targetId: input.id,
      details: { document: input.document, before: { document, forumId, forum, paragraph, takenUpOn, url, parties }, after },
    });
    return { id: input.id };
  });
}

/** Deletes an uptake record; the audit entry keeps it whole. */
export async function deleteUptake(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(normUptakes).where(eq(normUptakes.id, id)).returning();
    if (!gone) throw notFound("The uptake record");
    const { normId, referenceNormId, document, forumId, forum, paragraph, takenUpOn, url, parties } = gone;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "uptake.deleted",
      targetType: "norm_uptake",
      targetId: id,
      details: { normId, referenceNormId, document, forumId, forum, paragraph, takenUpOn, url, parties },
    });
    return { id };
  });
}

/** One norm's uptake, oldest first (a timeline). Drafts have none to show. */
export async function uptakeForNorm(db: DbOrTx, target: { normId?: string; referenceNormId?: string }): Promise<Uptake[]> {
  return db
    .select(uptakeColumns)
    .from(normUptakes)
    .leftJoin(forums, eq(forums.id, normUptakes.forumId))
    .where(target.normId ? eq(normUptakes.normId, target.normId) : eq(normUptakes.referenceNormId, target.referenceNormId!))
    .orderBy(asc(normUptakes.takenUpOn), asc(normUptakes.document));
}

/** The uptake of many reference norms at once (open data, the library), by norm id. */
export async function uptakeByReferenceNorm(db: DbOrTx, ids?: string[]) {
  const rows = await db
    .select({ ...uptakeColumns, referenceNormId: normUptakes.referenceNormId })
    .from(normUptakes)
    .leftJoin(forums, eq(forums.id, normUptakes.forumId))
    .where(ids ? inArray(normUptakes.referenceNormId, ids) : isNotNull(normUptakes.referenceNormId))
    .orderBy(asc(normUptakes.takenUpOn), asc(normUptakes.document));
  const map = new Map<string, Uptake[]>();
  for (const { referenceNormId, ...u } of rows) map.set(referenceNormId!, [...(map.get(referenceNormId!) ?? []), u]);
  return map;
}

/** The uptake of many forum norms at once (open data), by norm id. */
export async function uptakeByNorm(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, Uptake[]>();
  const rows = await db
    .select({ ...uptakeColumns, normId: normUptakes.normId })
    .from(normUptakes)
    .leftJoin(forums, eq(forums.id, normUptakes.forumId))
    .where(inArray(normUptakes.normId, ids))
    .orderBy(asc(normUptakes.takenUpOn), asc(normUptakes.document));
  const map = new Map<string, Uptake[]>();
  for (const { normId, ...u } of rows) map.set(normId!, [...(map.get(normId!) ?? []), u]);
  return map;
}

/**
 * The uptake records a state is party to, directly (its ISO code) or through a group it belongs
 * to (`group:un`, `group:osce`, …): one indexed query (`parties && array[iso, …groups]`, the GIN
 * index). Forum norms show only once public.
 */
export async function uptakeForState(db: DbOrTx, iso: string) {
  const code = iso.toUpperCase();
  const keys = [code, ...groupsOf(code)];
  return db
    .select({
      ...uptakeColumns,
      via: sql<string[]>`array(select unnest(${normUptakes.parties}) intersect select unnest(${sql.param(keys)}::text[]))`,
      norm: { slug: norms.slug, title: norms.title },
      referenceNorm: { id: referenceNorms.id, display: referenceNorms.display },
    })
    .from(normUptakes)
    .leftJoin(forums, eq(forums.id, normUptakes.forumId))
    .leftJoin(norms, eq(norms.id, normUptakes.normId))
    .leftJoin(referenceNorms, eq(referenceNorms.id, normUptakes.referenceNormId))
    .where(and(arrayOverlaps(normUptakes.parties, keys), or(isNotNull(normUptakes.referenceNormId), publicNorm())))
    .orderBy(asc(normUptakes.takenUpOn), asc(normUptakes.document));
}

export type StateUptake = Awaited<ReturnType<typeof uptakeForState>>;
