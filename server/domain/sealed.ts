// Sealed endorsement (issue 17): the secretariat may open a norm's endorsement stage sealed, so that
// states can commit without committing early in public. A position recorded during such a stage is
// stored apart, in sealed_positions, and touches no public column: not the current position, its
// sequence or history, the norm's last activity, counts or measures, and so no list, search, feed,
// open-data answer or cached page (sealed_positions moves no public generation). Only the recording
// organisation's representatives see it. When the stage ends (its closing date, recorded by the
// tick, or by a secretariat move that finds it due; or a move out of endorsement) every sealed
// position is revealed in the same transaction: written into the public tables as if recorded then,
// each keeping the time it was recorded, with the moment of its reveal in the history, and the
// measures recounted once. Until then the public sees each organisation's position as it stood.
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "~/db/connect";
import { normPositionHistory, normPositions, norms, normVersions, organizationMembers, organizations, sealedPositions } from "~/db/schema";
import { clock } from "../clock";
import { followForRepresentatives } from "../notifications/people";
import { followTarget } from "./notifications";
import { badInput, conflict, invalidState, notFound, pgErrorCode } from "../errors";
import { type Actor, isRepresentative } from "../policy";
import type { recordPositionInput } from "../schemas/positions";
import type { NormStatus } from "../schemas/vocabulary";
import { visibleNorm } from "./norm-queries";
import { isPublicNorm } from "./norm-visibility";
import { authorRole } from "./norms";
import { checkSpeaker, reaffirmPosition, recordPosition } from "./positions";
import { lastOpenDay, stageClosedRefusal, stageHasClosed } from "./stage-clock";

type RecordInput = Omit<z.output<typeof recordPositionInput>, "clauses"> & { clauses?: number[] };

/** The database refused a public position because the norm's stage is sealed (migration 0034). */
export const isSealedRefusal = (error: unknown) => pgErrorCode(error) === "NFSEA";

const ATTEMPTS = 3;

/**
 * Records a position: sealed while the norm's endorsement stage is sealed, in public otherwise
 * (positions.ts, recordPosition, with every rule of its own). Most norms are not sealed, so the
 * public write is tried first, with no read before it; on a sealed norm the database refuses it
 * whenever it would write (the guard of migration 0034, before any row is inserted), and it is
 * written sealed instead. A write refused for any other reason gets that refusal, the same as the
 * sealed write's, in the same order.
 */
export async function recordPositionOrSeal(db: Db, actor: Actor, input: RecordInput) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordPosition(db, actor, input);
    } catch (error) {
      if (!isSealedRefusal(error)) throw error;
    }
    // Null when the stage is no longer sealed (it closed, or was revealed, meanwhile): public again.
    const sealed = await recordSealedPosition(db, actor, input);
    if (sealed) return sealed;
    if (attempt === ATTEMPTS) throw conflict("The norm changed while the position was being recorded. Please try again.");
  }
}

/**
 * Reaffirms a position (positions.ts), refused with a plain reason while the norm's stage is sealed:
 * checked first, before the reaffirmation locks the position and then the norm, so it never waits
 * on a reveal that holds the norm and writes that position (the database's guard stays the rule).
 */
export async function reaffirmUnlessSealed(db: Db, actor: Actor, input: Parameters<typeof reaffirmPosition>[2]) {
  const sealed = await sealedStageOf(db, input.normId);
  if (sealed) throw invalidState(sealed.closed ? stageClosedRefusal("endorsement", "positions") : sealedReaffirmRefusal(sealed));
  try {
    return await reaffirmPosition(db, actor, input);
  } catch (error) {
    if (!isSealedRefusal(error)) throw error;
    const stage = await sealedStageOf(db, input.normId);
    throw invalidState(stage ? sealedReaffirmRefusal(stage) : "The norm changed while the position was being reaffirmed. Please try again.");
  }
}

/**
 * Where a norm stands as to sealing: in a sealed endorsement stage whose positions are not revealed
 * yet. `closed` once its date has passed (it takes no more positions) until the close is recorded,
 * with the reveal, moments later by the tick.
 */
export interface SealedStage {
  /** The instant the stage closes and its sealed positions are revealed. */
  revealsAt: Date;
  /** The stage's last open day (YYYY-MM-DD, UTC): positions stay sealed until the end of it. */
  lastDay: string;
  closed: boolean;
}

/** The sealed stage a norm is in at `now`, or null when it is in none (or its positions are revealed). Pure. */
export function sealedStage(norm: { status: NormStatus; stageSealed: boolean; stageClosesAt: Date | null; stageClosedAt: Date | null }, now: Date): SealedStage | null {
  if (norm.status !== "endorsement" || !norm.stageSealed || !norm.stageClosesAt || norm.stageClosedAt) return null;
  return { revealsAt: norm.stageClosesAt, lastDay: lastOpenDay(norm.stageClosesAt), closed: stageHasClosed(norm, now) };
}

/** Why a secretariat move may not be made sealed, or null when it may. Pure. */
export function sealedMoveRefusal(transition: string, closesAt: Date | null): string | null {
  if (transition !== "openEndorsement") return "Only the endorsement stage can be opened sealed.";
  // Always set for a timed stage (a default applies); the check keeps a sealed stage from never revealing.
  if (!closesAt) return "A sealed endorsement stage needs a closing date, when its positions are revealed.";
  return null;
}

/** Why a reaffirmation is refused while the stage is sealed (a reaffirmation would be public). */
export const sealedReaffirmRefusal = (stage: SealedStage) =>
  `This endorsement stage is sealed until the end of ${stage.lastDay} (UTC): record the position again instead, and it stays sealed, like every position recorded now, until then.`;

export interface SealedRecorded {
  slug: string;
  changed: boolean;
  /** A sealed entry has no place in the public sequence until it is revealed. */
  sequence: null;
  sealed: SealedStage;
}

/**
 * Records the position sealed if the norm's endorsement stage is sealed now; otherwise answers null
 * and writes nothing, and the caller records it in public. Writes only sealed_positions: a later
 * sealed write by the same organisation replaces its entry, which then carries the later time.
 * Takes the norm's lock, as every write the clock governs does, so no entry lands after the reveal.
 * Called once the public write was refused as sealed (recordPositionOrSeal), so it reads the norm
 * under that lock only, with no read before it.
 */
export async function recordSealedPosition(db: Db, actor: Actor, input: RecordInput): Promise<SealedRecorded | null> {
  const clauses = [...(input.clauses ?? [])].sort((a, b) => a - b);
  return db.transaction(async (tx) => {
    const [norm] = await tx
      .select({
        id: norms.id,
        slug: norms.slug,
        status: norms.status,
        proposerId: norms.proposerId,
        submittedAt: norms.submittedAt,
        currentVersion: norms.currentVersion,
        stageClosesAt: norms.stageClosesAt,
        stageClosedAt: norms.stageClosedAt,
        stageSealed: norms.stageSealed,
      })
      .from(norms)
      .where(eq(norms.id, input.normId))
      .for("no key update");
    if (!norm) throw notFound("The norm");
    if (!isPublicNorm(norm) && !(await authorRole(tx, actor.id, norm))) throw notFound("The norm");
    // Moved out of a sealed stage meanwhile: the public write decides, under its own rules.
    if (norm.status !== "endorsement" || !norm.stageSealed) return null;
    const organization = await tx.query.organizations.findFirst({
      columns: { id: true, name: true, verificationStatus: true, participation: true },
      where: eq(organizations.id, input.organizationId),
    });
    // The same refusals, in the same order, as a public position.
    checkSpeaker(organization ?? null, Boolean(organization) && (await isRepresentative(tx, actor.id, input.organizationId)));
    const now = clock.now();
    const stage = sealedStage(norm, now);
    if (!stage || stage.closed) throw invalidState(stageClosedRefusal("endorsement", "positions"));
    const [text] = await tx
      .select({ clauseCount: sql<number>`jsonb_array_length(${normVersions.clauses})` })
      .from(normVersions)
      .where(and(eq(normVersions.normId, norm.id), eq(normVersions.number, norm.currentVersion)));
    const clauseCount = Number(text?.clauseCount ?? 0);
    if ((clauses.at(-1) ?? 0) > clauseCount) {
      const message = `This norm's current text (version ${norm.currentVersion}) has ${clauseCount === 1 ? "1 clause" : `${clauseCount} clauses`}: name only clauses it has.`;
      throw badInput(message, { clauses: message });
    }
    const written = await tx
      .insert(sealedPositions)
      .values({
        normId: norm.id,
        organizationId: input.organizationId,
        stance: input.stance,
        statement: input.statement,
        version: norm.currentVersion,
        clauses,
        recordedById: actor.id,
        recordedAt: now,
      })
      .onConflictDoUpdate({
        target: [sealedPositions.normId, sealedPositions.organizationId],
        set: {
          stance: sql`excluded.stance`,
          statement: sql`excluded.statement`,
          version: sql`excluded.version`,
          clauses: sql`excluded.clauses`,
          recordedById: sql`excluded.recorded_by_id`,
          recordedAt: sql`excluded.recorded_at`,
        },
        setWhere: sql`(${sealedPositions.stance}, ${sealedPositions.statement}, ${sealedPositions.version}, ${sealedPositions.clauses}) is distinct from (excluded.stance, excluded.statement, excluded.version, excluded.clauses)`,
      })
      .returning({ id: sealedPositions.id });
    // The organisation's representatives follow the norm it took a position on (issue 18).
    if (written.length > 0) await followForRepresentatives(tx, input.organizationId, followTarget("norm", norm.id), "position");
    return { slug: norm.slug, changed: written.length > 0, sequence: null, sealed: stage };
  });
}

/**
 * Reveals every sealed position of the norm, in the caller's transaction, which holds the norm's
 * lock: each becomes the organisation's current position and a history entry dated when it was
 * recorded and revealed at `at` (one that says nothing new against the position as it stood is
 * dropped, as a public write saying nothing new is). Then the counts and measures are computed once,
 * and the norm's last activity is the reveal. Answers how many positions were revealed.
 */
export async function revealSealedPositions(tx: Tx, normId: string, at: Date): Promise<number> {
  const p = normPositions;
  const s = sealedPositions;
  // The guard on norm_positions (migration 0034) refuses public writes while the stage is sealed; the reveal is the one that may.
  await tx.execute(sql`select set_config('normsforum.revealing', 'on', true)`);
  const result = await tx.execute<{ revealed: number }>(sql`
    with sealed as (
      delete from ${s} where ${s.normId} = ${normId}
      returning ${s.normId} as norm_id, ${s.organizationId} as organization_id, ${s.stance} as stance, ${s.statement} as statement,
        ${s.version} as version, ${s.clauses} as clauses, ${s.recordedById} as recorded_by_id, ${s.recordedAt} as recorded_at
    ), written as (
      insert into ${p} as p (norm_id, organization_id, stance, statement, version, clauses, recorded_by_id, recorded_at, sequence)
      select sealed.norm_id, sealed.organization_id, sealed.stance, sealed.statement, sealed.version, sealed.clauses, sealed.recorded_by_id, sealed.recorded_at,
        -- After a withdrawal (no current row) the sequence continues from the last history entry.
        coalesce((select max(h.sequence) from ${normPositionHistory} h where h.norm_id = sealed.norm_id and h.organization_id = sealed.organization_id), 0) + 1
      from sealed
      on conflict (norm_id, organization_id) do update
        set stance = excluded.stance, statement = excluded.statement, version = excluded.version, clauses = excluded.clauses,
          recorded_by_id = excluded.recorded_by_id, recorded_at = excluded.recorded_at, sequence = p.sequence + 1
        where (p.stance, p.statement, p.version, p.clauses) is distinct from (excluded.stance, excluded.statement, excluded.version, excluded.clauses)
      returning p.norm_id, p.organization_id, p.sequence, p.stance, p.statement, p.version, p.clauses, p.recorded_by_id, p.recorded_at
    ), entry as (
      insert into ${normPositionHistory} (norm_id, organization_id, sequence, kind, stance, statement, version, clauses, recorded_by_id, recorded_at, revealed_at)
      select norm_id, organization_id, sequence, 'recorded', stance, statement, version, clauses, recorded_by_id, recorded_at, ${at.toISOString()}::timestamptz from written
      returning 1
    )
    select (select count(*) from entry)::int as revealed
  `);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { revealed: number }[] }).rows) as { revealed: number }[];
  const revealed = Number(rows[0]?.revealed ?? 0);
  await tx.execute(sql`select set_config('normsforum.revealing', 'off', true)`);
  if (revealed > 0) {
    // The one recount (positions.ts, refreshMeasures: norm_counted() over the current positions).
    await tx.execute(sql`update ${norms} set counted_by_group = recount.counted,
      position_count = (norm_figures(recount.counted)).position_count,
      support = (norm_figures(recount.counted)).support,
      bridging = (norm_figures(recount.counted)).bridging,
      contestation = (norm_figures(recount.counted)).contestation,
      support_lower_bound = (norm_figures(recount.counted)).support_lower_bound,
      contestation_lower_bound = (norm_figures(recount.counted)).contestation_lower_bound,
      last_activity_at = ${at.toISOString()}::timestamptz
      from (select norm_counted(${normId}::uuid) as counted) recount where ${norms.id} = ${normId}`);
  }
  return revealed;
}

/**
 * The sealed entries this reader's organisations have on the norm: for its representatives only
 * (of verified organisations, as who may record), with when each is revealed. Empty for everyone
 * else, and outside a sealed stage. The only read of sealed_positions outside the reveal.
 */
export async function mySealedPositions(db: Db, actor: Actor | null, slug: string) {
  const { norm } = await visibleNorm(db, actor, slug);
  const stage = sealedStage(norm, clock.now());
  // Entries exist only until the reveal; until then (the stage's date may have passed moments ago) they are shown.
  if (!actor || !stage) return { stage, entries: [] };
  const entries = await db
    .select({
      organizationId: sealedPositions.organizationId,
      stance: sealedPositions.stance,
      statement: sealedPositions.statement,
      version: sealedPositions.version,
      clauses: sealedPositions.clauses,
      recordedAt: sealedPositions.recordedAt,
    })
    .from(sealedPositions)
    .innerJoin(
      organizationMembers,
      and(eq(organizationMembers.organizationId, sealedPositions.organizationId), eq(organizationMembers.userId, actor.id), eq(organizationMembers.role, "representative")),
    )
    .where(eq(sealedPositions.normId, norm.id))
    .orderBy(asc(sealedPositions.organizationId));
  return { stage, entries };
}

/** For a reader of any role: the norm's sealed stage, if it is in one (public: the page and open data say so). */
export async function sealedStageOf(db: DbOrTx, normId: string) {
  const [norm] = await db
    .select({ status: norms.status, stageSealed: norms.stageSealed, stageClosesAt: norms.stageClosesAt, stageClosedAt: norms.stageClosedAt })
    .from(norms)
    .where(eq(norms.id, normId));
  return norm ? sealedStage(norm, clock.now()) : null;
}
