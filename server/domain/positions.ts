// Organisations' positions on norms: recording and reaffirming them, the append-only history, and
// keeping the norm's published measures in step. Only representatives of verified organisations
// speak, only for their own organisation, while the norm is in consultation or endorsement; once it
// is concluded, only to adhere to it (endorse, with or without reservations) or to withdraw that
// adherence (docs/adherence.md).
import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { type Db, type DbOrTx, statementBuiltOnce, type Tx } from "~/db/connect";
import { normCoauthors, normPositionHistory, normPositions, norms, normVersions, organizationMembers, organizations, users } from "~/db/schema";
import type { NormStatus, Participation, Region, Stance, StakeholderType, VerificationStatus } from "~/server/schemas/vocabulary";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";
import { badInput, conflict, forbidden, invalidState, notFound, pgConstraint, pgErrorCode } from "../errors";
import { type Actor, isRepresentative, isStaff } from "../policy";
import {
  encodeHistoryCursor,
  encodePositionCursor,
  type normPositionsListInput,
  type positionHistoryInput,
  type reaffirmPositionInput,
  type recordPositionInput,
  type withdrawAdherenceInput,
} from "../schemas/positions";
import { isEndorsing, measuresFromTallies } from "./measures";
import { isoMicros, visibleNorm } from "./norm-queries";
import { isPublicNorm } from "./norm-visibility";
import { authorRole } from "./norms";
import { personName } from "./person-name";
import { stageClock, stageClosedRefusal, stageHasClosed } from "./stage-clock";
import { clock } from "../clock";
import { followForRepresentativesSql } from "../notifications/people";
import { followTarget } from "./notifications";

// The clauses may be left out by callers inside the server (scripts, demo data): none named.
type RecordInput = Omit<z.output<typeof recordPositionInput>, "clauses"> & { clauses?: number[] };
type ReaffirmInput = z.output<typeof reaffirmPositionInput>;
type WithdrawInput = z.output<typeof withdrawAdherenceInput>;

/**
 * Positions may be recorded while the norm is public and its text is under discussion or frozen for
 * endorsement; a concluded norm stays open for adherence (endorsements only, and their withdrawal).
 */
export const positionsOpen = (status: NormStatus) => status === "consultation" || status === "endorsement" || status === "concluded";

/** Why this stance cannot be recorded on a concluded norm, or null when it can. */
export const adherenceRefusal = (stance: Stance) =>
  isEndorsing(stance)
    ? null
    : "This norm is concluded: organisations may now only adhere to it (endorse, with or without reservations) or withdraw their adherence. Objections and abstentions were recorded during endorsement, and that record stays as it stood.";

/** Why positions cannot be recorded on a norm in this state, or null when they can. */
export function positionRefusal(status: NormStatus): string | null {
  switch (status) {
    case "consultation":
    case "endorsement":
    case "concluded":
      return null;
    case "draft":
      return "This norm is still a draft. Positions can be recorded once it is open for consultation.";
    case "withdrawn":
      return "This norm was withdrawn by its proposer, so positions can no longer be recorded.";
    case "merged":
      return "This norm was merged into another. Record the position on the norm it was merged into.";
  }
}

/** Locks the norm for the transaction, so positions on one norm are written one at a time and the measures stay exact. */
async function lockOpenNorm(tx: Tx, actor: Actor, normId: string) {
  const [norm] = await tx
    .select({
      id: norms.id,
      slug: norms.slug,
      status: norms.status,
      proposerId: norms.proposerId,
      currentVersion: norms.currentVersion,
      submittedAt: norms.submittedAt,
      stageClosesAt: norms.stageClosesAt,
    })
    .from(norms)
    .where(eq(norms.id, normId))
    .for("no key update");
  if (!norm) throw notFound("The norm");
  if (!isPublicNorm(norm) && !(await authorRole(tx, actor.id, norm))) throw notFound("The norm");
  return norm;
}

/**
 * Refuses unless the organisation exists, the actor represents it, it is verified, and it takes
 * part fully (an observer takes no positions) (in that order).
 */
export function checkSpeaker(organization: { name: string; verificationStatus: VerificationStatus; participation: Participation } | null, represents: boolean) {
  if (!organization) throw notFound("The organisation");
  if (!represents) throw forbidden(`Only a representative of ${organization.name} can record its positions.`);
  if (organization.verificationStatus !== "verified") {
    throw invalidState(
      organization.verificationStatus === "revoked"
        ? `${organization.name}'s verification was revoked, so it cannot record positions.`
        : `${organization.name} is not verified yet. Only verified organisations record positions.`,
    );
  }
  if (organization.participation === "observer") throw invalidState(observerRefusal(organization.name));
}

/** Why an observer is refused a position (issue 17), and what it can do instead. */
export const observerRefusal = (name: string) =>
  `${name} takes part as an observer: observers follow, comment and file statements, but take no positions. Its representatives can ask the secretariat, on its page, to take part fully.`;

/** The organisation must exist, be represented by the actor, and be verified. */
async function speakingOrganization(tx: Tx, actor: Actor, organizationId: string) {
  const organization = await tx.query.organizations.findFirst({
    columns: { id: true, name: true, verificationStatus: true, participation: true },
    where: eq(organizations.id, organizationId),
  });
  checkSpeaker(organization ?? null, Boolean(organization) && (await isRepresentative(tx, actor.id, organizationId)));
  return organization!;
}

/**
 * SET clauses storing counts on the norm (`counted`, an integer[48] expression: norms.counted_by_group)
 * with the measures computed from them by norm_figures() (migration 0020: computeMeasures(), operation
 * for operation). An expression over the norm's own columns is evaluated again on the latest
 * version of the row if the UPDATE had to wait for it, so an UPDATE that adds to the counts is
 * exact under concurrency as `n = n + 1` is.
 */
const storeCounts = (counted: SQL) => sql`counted_by_group = ${counted},
  position_count = (norm_figures(${counted})).position_count,
  support = (norm_figures(${counted})).support,
  bridging = (norm_figures(${counted})).bridging,
  contestation = (norm_figures(${counted})).contestation,
  support_lower_bound = (norm_figures(${counted})).support_lower_bound,
  contestation_lower_bound = (norm_figures(${counted})).contestation_lower_bound`;

/**
 * Recounts the norm's positions and stores the counts and measures. Locks the norm first, so the
 * count, read by the next statement, sees every writer before it; call inside the transaction
 * that changed what the positions count for (an organisation's verification, type or region).
 */
export async function refreshMeasures(tx: DbOrTx, normId: string) {
  await tx.select({ id: norms.id }).from(norms).where(eq(norms.id, normId)).for("no key update");
  await tx.execute(sql`update ${norms} set ${storeCounts(sql`recount.counted`)} from (select norm_counted(${normId}::uuid) as counted) recount where ${norms.id} = ${normId}`);
}

/**
 * After an organisation's verification, type or region changed: recompute every norm it has a
 * position on, locking the norms in a fixed order so two such changes cannot deadlock.
 */
export async function refreshMeasuresForOrganization(tx: Tx, organizationId: string) {
  const affected = await tx
    .select({ normId: normPositions.normId })
    .from(normPositions)
    .where(eq(normPositions.organizationId, organizationId))
    .orderBy(asc(normPositions.normId));
  for (const { normId } of affected) await refreshMeasures(tx, normId);
}

async function appendHistory(
  tx: Tx,
  row: {
    normId: string;
    organizationId: string;
    sequence: number;
    stance: Stance;
    statement: string;
    version: number;
    clauses: number[];
    recordedById: string;
    recordedAt: Date;
  },
  kind: "recorded" | "reaffirmed",
) {
  await tx.insert(normPositionHistory).values({ ...row, kind });
}

/** What the statement of recordPosition answers: the checks' facts and what it wrote. */
/** What both one-statement writes (recording, withdrawing adherence) answer about the norm and the speaker. */
interface SpeakerRow extends Record<string, unknown> {
  slug: string;
  status: NormStatus;
  public: boolean;
  author: boolean;
  organization_id: string | null;
  name: string | null;
  verification_status: VerificationStatus | null;
  participation: Participation | null;
  represents: boolean | null;
}

/**
 * The one row such a write answers (postgres.js answers the rows, PGlite an object holding them),
 * after the checks both share: the norm is there for this person, and the organisation is theirs
 * to speak for.
 */
function checkedRow<T extends SpeakerRow>(result: unknown): T {
  const [row] = (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  if (!row || (!row.public && !row.author)) throw notFound("The norm");
  checkSpeaker(row.organization_id ? { name: row.name!, verificationStatus: row.verification_status!, participation: row.participation! } : null, Boolean(row.represents));
  return row;
}

interface RecordedRow extends SpeakerRow {
  requires_countersignature: boolean | null;
  stage_closed: boolean;
  previous_sequence: number | null;
  written_sequence: number | null;
  clause_count: number | null;
  current_version: number;
}

/** Another request wrote the organisation's next history entry on the norm first (see recordPosition). */
const isSequenceClash = (error: unknown) => pgErrorCode(error) === "23505" && pgConstraint(error) === "norm_position_history_norm_org_sequence_key";
/** A deadlock or a serialization failure rolled the whole statement back: running it again is safe. */
const isTransient = (error: unknown) => pgErrorCode(error) === "40P01" || pgErrorCode(error) === "40001";

const RECORD_ATTEMPTS = 3;

/**
 * Records an organisation's position in one statement, which also moves the position in the
 * norm's counts and stores the measures (storeCounts): the norm's row is locked by that statement's
 * UPDATE and held only until the commit, so positions on one norm wait for each other that long
 * and no longer. In order, within the statement:
 *
 * - the checks' facts: the norm's visibility and status, the organisation (locked FOR SHARE, so
 *   a change to its verification, type or region, which recounts the norms it has positions on,
 *   waits for this one or this waits for it), and whether the actor represents it;
 * - the organisation's current position on the norm, locked, before it is written;
 * - the position and its history entry, written only when every check holds and the position
 *   says something new (a different stance, statement or text version);
 * - the norm's update: last activity, the counts with the position moved from its old stance to
 *   the new, and the measures, only while the norm is open and on the text version written.
 *
 * The statement is its own transaction (but for a countersigned entry, whose own writes join it),
 * so the norm's lock is held through its end and no longer. Three cases are undone and run again
 * from the start: the norm's status or text changed between the statement's start and its lock
 * (the update matched nothing) and a first position of the same organisation on the norm was
 * inserted meanwhile by another request (the sequence written is not the one after the position
 * read), both raised in the statement as a serialization failure (position_record_again(),
 * migration 0042); and the organisation withdrew its adherence meanwhile (the position read was
 * removed, and the history entry's sequence, one after the last entry this statement saw, is
 * already taken by the withdrawal: a unique violation).
 *
 * On a concluded norm only endorsing stances are written (adherence); a new position after a
 * withdrawal continues the organisation's sequence on the norm from its last history entry.
 *
 * The clauses a reservation or objection names are checked against the clause count of the
 * version read at the statement's start, the version the position is written on: the norm's
 * UPDATE, under its lock, matches only while that is still the current version (else the
 * position is recorded again from the start), and versions never change once written.
 */
export async function recordPosition(db: Db, actor: Actor, input: RecordInput, options: RecordOptions = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOnce(db, actor, input, options);
    } catch (error) {
      const again = isSequenceClash(error) || isTransient(error);
      if (!again || attempt === RECORD_ATTEMPTS) {
        if (again) throw conflict("The norm changed while the position was being recorded. Please try again.");
        throw error;
      }
    }
  }
}

/**
 * A position written for a countersigned entry (server/domain/countersign.ts): the actor, who must
 * represent the organisation, is the countersigner; the record names who entered it as well. What
 * `within` does runs in the write's transaction after it, so a refusal there undoes the write.
 */
export interface RecordOptions {
  enteredById?: string;
  countersignedById?: string;
  within?: (tx: Tx, written: { slug: string; changed: boolean; sequence: number }) => Promise<void>;
  /**
   * Written through clearance (countersign.ts: a countersigned entry, or the rehearsal of one).
   * Only such a write records the position of an organisation that requires countersignature;
   * any other is refused with CountersignatureRequired, and writes nothing.
   */
  throughClearance?: boolean;
}

/**
 * The organisation requires countersignature (and every other rule holds): nothing was written,
 * and the position is to be sent for countersignature (countersign.ts, enterPosition).
 */
export class CountersignatureRequired extends Error {
  constructor() {
    // Never shown: enterPosition answers it by submitting the entry.
    super("countersignature required");
  }
}

/** The values of recordOnce's statement. */
type RecordValues = {
  recordedAt: string;
  actorId: string;
  normId: string;
  organizationId: string;
  stance: Stance;
  statement: string;
  /** The clauses named, as a PostgreSQL array literal. */
  clauses: string;
  enteredById: string;
  countersignedById: string | null;
  throughClearance: boolean;
  highestClause: number;
  followTarget: string;
};

/**
 * The whole of recording a position, in one statement (recordOnce), its text built once
 * (statementBuiltOnce): it is the forum's most frequent write.
 */
const recordStatement = statementBuiltOnce<RecordedRow, RecordValues>(
  (value) => sql`
      with norm as (
        select n.id, n.slug, n.status, n.current_version, n.submitted_at is not null as public,
          -- The clock: an endorsement stage past its date, or closed by the tick, takes no positions.
          n.status = 'endorsement' and (n.stage_closes_at <= ${value.recordedAt}::timestamptz or n.stage_closed_at is not null) as stage_closed,
          n.proposer_id = ${value.actorId} or exists (select 1 from ${normCoauthors} c where c.norm_id = n.id and c.user_id = ${value.actorId}) as author,
          (select jsonb_array_length(v.clauses) from ${normVersions} v where v.norm_id = n.id and v.number = n.current_version) as clause_count
        from ${norms} n where n.id = ${value.normId}
      ), speaker as (
        select o.id, o.name, o.verification_status, o.participation, o.stakeholder_type, o.region, o.requires_countersignature,
          exists (select 1 from ${organizationMembers} m where m.organization_id = o.id and m.user_id = ${value.actorId} and m.role = 'representative') as represents
        from ${organizations} o where o.id = ${value.organizationId}
        for share
      ), previous as (
        select p.stance, p.sequence from ${normPositions} p
        where p.norm_id = ${value.normId} and p.organization_id = ${value.organizationId}
        for update
      ), last_entry as (
        -- Where a position recorded after a withdrawal (no current row) continues the sequence.
        select max(h.sequence) as sequence from ${normPositionHistory} h
        where h.norm_id = ${value.normId} and h.organization_id = ${value.organizationId}
      ), written as (
        insert into ${normPositions} as p (norm_id, organization_id, stance, statement, version, clauses, recorded_by_id, countersigned_by_id, recorded_at, sequence)
        -- Joined to the position read above, so it is read (and locked) before this writes.
        select norm.id, speaker.id, ${value.stance}::stance, ${value.statement}, norm.current_version, ${value.clauses}::integer[],
          ${value.enteredById}::uuid, ${value.countersignedById}::uuid, ${value.recordedAt}::timestamptz, coalesce((select sequence from last_entry), 0) + 1
        from norm cross join speaker left join previous on true
        where (norm.public or norm.author) and speaker.represents and speaker.verification_status = 'verified' and speaker.participation = 'participant'
          and (not speaker.requires_countersignature or ${value.throughClearance}::boolean)
          and ${value.highestClause}::int <= norm.clause_count
          and ((norm.status in ('consultation', 'endorsement') and not norm.stage_closed)
            or (norm.status = 'concluded' and ${value.stance}::stance in ('endorse', 'endorse_with_reservations')))
        on conflict (norm_id, organization_id) do update
          set stance = excluded.stance, statement = excluded.statement, version = excluded.version, clauses = excluded.clauses,
            recorded_by_id = excluded.recorded_by_id, countersigned_by_id = excluded.countersigned_by_id, recorded_at = excluded.recorded_at, sequence = p.sequence + 1
          where (p.stance, p.statement, p.version, p.clauses) is distinct from (excluded.stance, excluded.statement, excluded.version, excluded.clauses)
        returning p.norm_id, p.organization_id, p.sequence, p.stance, p.statement, p.version, p.clauses, p.recorded_by_id, p.countersigned_by_id, p.recorded_at
      ), entry as (
        insert into ${normPositionHistory} (norm_id, organization_id, sequence, kind, stance, statement, version, clauses, recorded_by_id, countersigned_by_id, recorded_at)
        select norm_id, organization_id, sequence, 'recorded', stance, statement, version, clauses, recorded_by_id, countersigned_by_id, recorded_at from written
        returning sequence
      ), moved as (
        update ${norms} set last_activity_at = ${value.recordedAt}::timestamptz,
          ${storeCounts(sql`norm_counted_moved(${norms.countedByGroup}, d.stakeholder_type, d.region, d.from_stance, d.to_stance)`)}
        from (
          select w.stance as to_stance, previous.stance as from_stance, speaker.stakeholder_type, speaker.region
          from written w cross join speaker left join previous on true
        ) d
        where ${norms.id} = ${value.normId} and ${norms.status} in ('consultation', 'endorsement', 'concluded')
          -- A norm concluded meanwhile is recorded again from the start, under the rules of adherence.
          and ${norms.status} = (select status from norm)
          and ${norms.currentVersion} = (select current_version from norm)
          -- Evaluated again on the locked row if the tick closed the stage meanwhile: then nothing
          -- matches and the position is recorded again from the start, and refused.
          and not (${norms.status} = 'endorsement' and (${norms.stageClosesAt} <= ${value.recordedAt}::timestamptz or ${norms.stageClosedAt} is not null))
        returning ${norms.id}
      ), followed as (
        -- The organisation's representatives follow the norm it took a position on (issue 18), when
        -- the position changed. In this statement, so the norm's row, locked by the update above,
        -- is held for no further round trip before the commit.
        ${followForRepresentativesSql(sql`${value.organizationId}::uuid`, value.followTarget, "position", value.recordedAt, sql`exists (select 1 from entry)`)}
      )
      select norm.slug, norm.status, norm.public, norm.author, norm.stage_closed, norm.clause_count, norm.current_version,
        speaker.id as organization_id, speaker.name, speaker.verification_status, speaker.participation, speaker.represents,
        speaker.requires_countersignature,
        (select sequence from previous) as previous_sequence,
        (select sequence from entry) as written_sequence,
        -- Written, but on what no longer holds under the norm's lock: undone, and run again.
        case when (select sequence from entry) is not null and (not exists (select 1 from moved)
            or (select sequence from entry) <> coalesce((select sequence from previous), (select sequence from last_entry), 0) + 1)
          then position_record_again() end as record_again
      from norm left join speaker on true
    `,
);

async function recordOnce(db: Db, actor: Actor, input: RecordInput, options: RecordOptions) {
  const enteredById = options.enteredById ?? actor.id;
  const countersignedById = options.countersignedById ?? null;
  // Kept in ascending order, so naming the same clauses in another order says nothing new.
  const clauses = [...(input.clauses ?? [])].sort((a, b) => a - b);
  const highestClause = clauses.at(-1) ?? 0;
  const recordedAt = clock.now().toISOString();
  const values: RecordValues = {
    recordedAt,
    actorId: actor.id,
    normId: input.normId,
    organizationId: input.organizationId,
    stance: input.stance,
    statement: input.statement,
    clauses: `{${clauses.join(",")}}`,
    enteredById,
    countersignedById,
    throughClearance: options.throughClearance === true,
    highestClause,
    followTarget: followTarget("norm", input.normId),
  };
  const write = async (q: DbOrTx) => {
    const row = checkedRow<RecordedRow>(await recordStatement(q, values));
    const refusal = positionRefusal(row.status);
    if (refusal) throw invalidState(refusal);
    const notAdherence = row.status === "concluded" ? adherenceRefusal(input.stance) : null;
    if (notAdherence) throw badInput(notAdherence, { stance: "After conclusion, choose endorse or endorse with reservations." });
    if (row.stage_closed) throw invalidState(stageClosedRefusal("endorsement", "positions"));
    const clauseCount = Number(row.clause_count ?? 0);
    if (highestClause > clauseCount) {
      const message = `This norm's current text (version ${row.current_version}) has ${clauseCount === 1 ? "1 clause" : `${clauseCount} clauses`}: name only clauses it has.`;
      throw badInput(message, { clauses: message });
    }
    // Every other rule holds: the organisation's own rule sends the position for countersignature.
    if (row.requires_countersignature && !options.throughClearance) throw new CountersignatureRequired();
    return row.written_sequence === null
      ? { slug: row.slug, changed: false, sequence: row.previous_sequence! }
      : { slug: row.slug, changed: true, sequence: row.written_sequence };
  };
  // One statement is its own transaction: the norm's row, locked by its update, is released at
  // its end, without waiting for this process to send a COMMIT. A countersigned entry's own
  // writes (within) join it in one transaction.
  if (!options.within) return write(db);
  const within = options.within;
  return db.transaction(async (tx) => {
    const written = await write(tx);
    await within(tx, written);
    return written;
  });
}

/**
 * The clauses a reaffirmed position keeps: the clause numbers it named on its version, if each of
 * those clauses reads the same at that number in the current version; otherwise none, since a
 * number that now points at other words would misstate what the reservation or objection was about.
 */
export function clausesCarriedForward(named: readonly number[], before: readonly string[], after: readonly string[]): number[] {
  return named.every((n) => n >= 1 && before[n - 1] !== undefined && before[n - 1] === after[n - 1]) ? [...named] : [];
}

/**
 * Carries a position given on an earlier version forward to the current text, unchanged, but for
 * the clauses it names: kept only where their words are unchanged (clausesCarriedForward).
 */
export async function reaffirmPosition(db: Db, actor: Actor, input: ReaffirmInput) {
  return db.transaction(async (tx) => {
    // The position's row before the norm's, in the order recordPosition takes them (no deadlock).
    await tx
      .select({ id: normPositions.id })
      .from(normPositions)
      .where(and(eq(normPositions.normId, input.normId), eq(normPositions.organizationId, input.organizationId)))
      .for("update");
    const norm = await lockOpenNorm(tx, actor, input.normId);
    const organization = await speakingOrganization(tx, actor, input.organizationId);
    const refusal = positionRefusal(norm.status);
    if (refusal) throw invalidState(refusal);
    if (norm.status === "endorsement" && stageHasClosed(norm, clock.now())) throw invalidState(stageClosedRefusal("endorsement", "positions"));
    const existing = await tx.query.normPositions.findFirst({
      where: and(eq(normPositions.normId, norm.id), eq(normPositions.organizationId, organization.id)),
    });
    if (!existing) throw invalidState(`${organization.name} has no position on this norm to reaffirm. Record one instead.`);
    const notAdherence = norm.status === "concluded" ? adherenceRefusal(existing.stance) : null;
    if (notAdherence) throw badInput(notAdherence);
    if (existing.version === norm.currentVersion) {
      throw invalidState(`${organization.name}'s position was already given on the current text (version ${norm.currentVersion}).`);
    }
    const recordedAt = clock.now();
    let clauses: number[] = [];
    if (existing.clauses.length > 0) {
      const texts = await tx
        .select({ number: normVersions.number, clauses: normVersions.clauses })
        .from(normVersions)
        .where(and(eq(normVersions.normId, norm.id), inArray(normVersions.number, [existing.version, norm.currentVersion])));
      const textOf = (n: number) => texts.find((v) => v.number === n)?.clauses ?? [];
      clauses = clausesCarriedForward(existing.clauses, textOf(existing.version), textOf(norm.currentVersion));
    }
    const [current] = await tx
      .update(normPositions)
      .set({ version: norm.currentVersion, clauses, recordedById: actor.id, recordedAt, sequence: sql`${normPositions.sequence} + 1` })
      .where(eq(normPositions.id, existing.id))
      .returning({ sequence: normPositions.sequence });
    await appendHistory(
      tx,
      {
        normId: norm.id,
        organizationId: organization.id,
        sequence: current!.sequence,
        stance: existing.stance,
        statement: existing.statement,
        version: norm.currentVersion,
        clauses,
        recordedById: actor.id,
        recordedAt,
      },
      "reaffirmed",
    );
    await tx.update(norms).set({ lastActivityAt: recordedAt }).where(eq(norms.id, norm.id));
    return { slug: norm.slug, sequence: current!.sequence, version: norm.currentVersion, clauses };
  });
}

/** What the statement of withdrawAdherence answers: the checks' facts and what it wrote. */
interface WithdrawnRow extends SpeakerRow {
  previous_stance: Stance | null;
  written_sequence: number | null;
  moved: boolean;
}

/**
 * An organisation withdraws its adherence to a concluded norm: its current position (an
 * endorsement, with or without reservations) is removed, a 'withdrawn' entry keeping that stance
 * is added to the history, and the norm's counts lose it, all in one statement that takes its
 * locks in recordPosition's order (the organisation FOR SHARE, the position, then the norm's row
 * by the UPDATE that moves the counts), so the two cannot deadlock and the counts stay exact.
 */
export async function withdrawAdherence(db: Db, actor: Actor, input: WithdrawInput) {
  return db.transaction(async (tx) => {
    const recordedAt = clock.now();
    const at = recordedAt.toISOString();
    const result = await tx.execute<WithdrawnRow>(sql`
      with norm as (
        select n.id, n.slug, n.status, n.current_version, n.submitted_at is not null as public,
          n.proposer_id = ${actor.id} or exists (select 1 from ${normCoauthors} c where c.norm_id = n.id and c.user_id = ${actor.id}) as author
        from ${norms} n where n.id = ${input.normId}
      ), speaker as (
        select o.id, o.name, o.verification_status, o.participation, o.stakeholder_type, o.region,
          exists (select 1 from ${organizationMembers} m where m.organization_id = o.id and m.user_id = ${actor.id} and m.role = 'representative') as represents
        from ${organizations} o where o.id = ${input.organizationId}
        for share
      ), previous as (
        select p.id, p.stance, p.sequence from ${normPositions} p
        where p.norm_id = ${input.normId} and p.organization_id = ${input.organizationId}
        for update
      ), removed as (
        delete from ${normPositions} p using norm, speaker, previous
        where p.id = previous.id and (norm.public or norm.author) and speaker.represents and speaker.verification_status = 'verified'
          and norm.status = 'concluded' and previous.stance in ('endorse', 'endorse_with_reservations')
        returning p.norm_id, p.organization_id, p.sequence, p.stance, p.version, p.clauses
      ), entry as (
        -- The entry keeps the stance withdrawn, and its clauses while they still name the same text.
        insert into ${normPositionHistory} (norm_id, organization_id, sequence, kind, stance, statement, version, clauses, recorded_by_id, recorded_at)
        select r.norm_id, r.organization_id, r.sequence + 1, 'withdrawn', r.stance, ${input.reason}, norm.current_version,
          case when r.version = norm.current_version then r.clauses else '{}' end, ${actor.id}, ${at}::timestamptz
        from removed r cross join norm
        returning sequence
      ), moved as (
        update ${norms} set last_activity_at = ${at}::timestamptz,
          ${storeCounts(sql`norm_counted_moved(${norms.countedByGroup}, d.stakeholder_type, d.region, d.from_stance, null)`)}
        from (select r.stance as from_stance, speaker.stakeholder_type, speaker.region from removed r cross join speaker) d
        where ${norms.id} = ${input.normId} and ${norms.status} = 'concluded'
        returning ${norms.id}
      )
      select norm.slug, norm.status, norm.public, norm.author,
        speaker.id as organization_id, speaker.name, speaker.verification_status, speaker.participation, speaker.represents,
        (select stance from previous) as previous_stance,
        (select sequence from entry) as written_sequence,
        exists (select 1 from moved) as moved
      from norm left join speaker on true
    `);
    const row = checkedRow<WithdrawnRow>(result);
    if (row.status !== "concluded") {
      throw invalidState("Adherence can only be withdrawn from a concluded norm. While positions are open, record a different position instead.");
    }
    if (row.previous_stance === null || !isEndorsing(row.previous_stance)) {
      throw conflict(`${row.name} does not currently adhere to this norm, so there is no adherence to withdraw.`);
    }
    // A concluded norm stays concluded, so the counts' update always matches; anything else is a bug.
    if (row.written_sequence === null || !row.moved) throw new Error("A withdrawal was not written in full.");
    return { slug: row.slug, sequence: row.written_sequence };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** An organisation as public records show it beside a position or a sponsorship. */
export const organizationColumns = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  stakeholderType: organizations.stakeholderType,
  region: organizations.region,
  country: organizations.country,
  verificationStatus: organizations.verificationStatus,
};

export interface PositionOrganization {
  id: string;
  slug: string;
  name: string;
  stakeholderType: StakeholderType;
  region: Region;
  country: string | null;
  verificationStatus: VerificationStatus;
  verified: boolean;
}

const withVerified = <O extends { verificationStatus: VerificationStatus }>(o: O) => ({ ...o, verified: o.verificationStatus === "verified" });

export interface CatalogueEntry {
  organization: PositionOrganization;
  stance: Stance;
  statement: string;
  version: number;
  /** The clauses of `version` it names, ascending; none when it is not about a particular clause. */
  clauses: number[];
  current: boolean;
  recordedAt: Date;
}

export interface CatalogueGroup<G extends string | number> {
  group: G;
  /** Objections and reservations in the group; `entries` holds the first CATALOGUE_PER_GROUP. */
  total: number;
  entries: CatalogueEntry[];
}

/** Positions shown on the norm page and on each page of its list of positions. */
export const POSITIONS_PAGE = 50;
/** Objections and reservations shown per group in the norm page's catalogue; the rest are a link away. */
export const CATALOGUE_PER_GROUP = 5;

const reasonedStances = ["object", "endorse_with_reservations"] as const;
type PositionCursor = z.output<typeof normPositionsListInput>["cursor"];

const recorder = alias(users, "recorder");
const positionColumns = {
  organization: organizationColumns,
  stance: normPositions.stance,
  statement: normPositions.statement,
  version: normPositions.version,
  clauses: normPositions.clauses,
  recordedAt: normPositions.recordedAt,
  // A subquery rather than a join: PostgreSQL evaluates it after the sort and the limit, for the
  // rows a page shows. With the join, the busiest norm's page (2,000 positions) was planned in
  // parallel or joined every position's person first: 37-96 ms for 50 rows, now 6-11
  // (docs/performance.md, "The recorder's name after the limit").
  recordedBy: sql<string>`(select ${personName(recorder, true)} from ${users} as ${sql.identifier("recorder")} where ${recorder.id} = ${normPositions.recordedById})`,
  sequence: normPositions.sequence,
};

interface PositionFilter {
  /** Verified organisations' positions (counted), or the others (shown apart, never counted). */
  counted: boolean;
  stakeholderType?: StakeholderType;
  region?: Region;
  stance?: Stance | "reasoned";
  /** Positions naming this clause, or with 0 those naming none. */
  clause?: number;
}

function positionConditions(normId: string, filter: PositionFilter) {
  return and(
    eq(normPositions.normId, normId),
    filter.counted ? eq(organizations.verificationStatus, "verified") : ne(organizations.verificationStatus, "verified"),
    filter.stakeholderType ? eq(organizations.stakeholderType, filter.stakeholderType) : undefined,
    filter.region ? eq(organizations.region, filter.region) : undefined,
    filter.stance === "reasoned" ? inArray(normPositions.stance, [...reasonedStances]) : filter.stance ? eq(normPositions.stance, filter.stance) : undefined,
    filter.clause === undefined
      ? undefined
      : filter.clause === 0
        ? sql`cardinality(${normPositions.clauses}) = 0`
        : sql`${normPositions.clauses} @> array[${filter.clause}::int]`,
  );
}

/**
 * One page of a norm's positions in organisation-name order, continuing after `cursor`, with the
 * total (counted here unless the caller already knows it).
 */
async function pageOfPositions(
  db: Db,
  norm: { id: string; currentVersion: number },
  filter: PositionFilter,
  cursor: PositionCursor,
  limit: number,
  knownTotal?: number,
) {
  const where = positionConditions(norm.id, filter);
  const [rows, [total]] = await Promise.all([
    db
      .select(positionColumns)
      .from(normPositions)
      .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
      .where(and(where, cursor ? sql`(${organizations.name}, ${organizations.id}) > (${cursor.name}, ${cursor.id}::uuid)` : undefined))
      .orderBy(asc(organizations.name), asc(organizations.id))
      .limit(limit + 1),
    knownTotal !== undefined
      ? [{ n: knownTotal }]
      : db
          .select({ n: count() })
          .from(normPositions)
          .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
          .where(where),
  ]);
  const items = rows.slice(0, limit).map((r) => ({ ...r, organization: withVerified(r.organization), current: r.version === norm.currentVersion }));
  const last = items.at(-1);
  return {
    items,
    total: total?.n ?? 0,
    nextCursor: rows.length > limit && last ? encodePositionCursor({ name: last.organization.name, id: last.organization.id }) : null,
  };
}

/** The first CATALOGUE_PER_GROUP objections and reservations of each stakeholder type and of each region. */
async function firstReasons(db: Db, normId: string) {
  const ranked = db
    .select({
      ...organizationColumns,
      stance: normPositions.stance,
      statement: normPositions.statement,
      version: normPositions.version,
      clauses: normPositions.clauses,
      recordedAt: normPositions.recordedAt,
      typeRank: sql<number>`row_number() over (partition by ${organizations.stakeholderType} order by ${organizations.name}, ${organizations.id})`.as("type_rank"),
      regionRank: sql<number>`row_number() over (partition by ${organizations.region} order by ${organizations.name}, ${organizations.id})`.as("region_rank"),
    })
    .from(normPositions)
    .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
    .where(positionConditions(normId, { counted: true, stance: "reasoned" }))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.typeRank} <= ${CATALOGUE_PER_GROUP} or ${ranked.regionRank} <= ${CATALOGUE_PER_GROUP}`)
    .orderBy(asc(ranked.name), asc(ranked.id));
  return rows.map(({ stance, statement, version, clauses, recordedAt, typeRank, regionRank, ...organization }) => ({
    organization,
    stance,
    statement,
    version,
    clauses,
    recordedAt,
    typeRank,
    regionRank,
  }));
}

/**
 * The first CATALOGUE_PER_GROUP objections and reservations naming each clause (by the number
 * named on the version each was given on), and of those naming none (clause 0), with each
 * clause's total: one read of the norm's reasoned positions, as firstReasons.
 */
async function firstReasonsByClause(db: Db, normId: string) {
  const named = sql`unnest(case when cardinality(${normPositions.clauses}) = 0 then array[0] else ${normPositions.clauses} end)`;
  const ranked = db
    .select({
      ...organizationColumns,
      stance: normPositions.stance,
      statement: normPositions.statement,
      version: normPositions.version,
      clauses: normPositions.clauses,
      recordedAt: normPositions.recordedAt,
      clause: sql<number>`${named}`.as("clause"),
    })
    .from(normPositions)
    .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
    .where(positionConditions(normId, { counted: true, stance: "reasoned" }))
    .as("named");
  const withRank = db
    .select({
      id: ranked.id,
      slug: ranked.slug,
      name: ranked.name,
      stakeholderType: ranked.stakeholderType,
      region: ranked.region,
      country: ranked.country,
      verificationStatus: ranked.verificationStatus,
      stance: ranked.stance,
      statement: ranked.statement,
      version: ranked.version,
      clauses: ranked.clauses,
      recordedAt: ranked.recordedAt,
      clause: ranked.clause,
      rank: sql<number>`row_number() over (partition by ${ranked.clause} order by ${ranked.name}, ${ranked.id})`.as("clause_rank"),
      total: sql<number>`count(*) over (partition by ${ranked.clause})`.as("clause_total"),
    })
    .from(ranked)
    .as("with_rank");
  const rows = await db
    .select()
    .from(withRank)
    .where(sql`${withRank.rank} <= ${CATALOGUE_PER_GROUP}`)
    .orderBy(asc(withRank.clause), asc(withRank.rank));
  return rows.map(({ stance, statement, version, clauses, recordedAt, clause, rank: _rank, total, ...organization }) => ({
    entry: { organization, stance, statement, version, clauses, recordedAt },
    clause: Number(clause),
    total: Number(total),
  }));
}

/**
 * A norm's measures, the first page of its positions, the first objections and reservations of
 * each group, and what this reader may do. Every part is bounded, so the cost of the norm page
 * does not grow with its record: the measures come from counts, the rest from limited reads.
 */
export async function positionsForNorm(db: Db, actor: Actor | null, slug: string) {
  const { norm } = await visibleNorm(db, actor, slug);
  const endorsementClosed = norm.status === "endorsement" && stageHasClosed(norm, clock.now());
  const verified = sql<boolean>`${organizations.verificationStatus} = 'verified'`;
  const current = sql<boolean>`${normPositions.version} = ${norm.currentVersion}`;
  // Positions by stance, group and whether they count: all computeMeasures() needs, and the
  // totals, so the reads below are only made when there is something to show.
  const tallies = await db
    .select({ stance: normPositions.stance, stakeholderType: organizations.stakeholderType, region: organizations.region, verified, current, n: count() })
    .from(normPositions)
    .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
    .where(eq(normPositions.normId, norm.id))
    .groupBy(sql`1, 2, 3, 4, 5`);
  const sum = (match: (t: (typeof tallies)[number]) => boolean) => tallies.filter(match).reduce((n, t) => n + Number(t.n), 0);
  const countedTotal = sum((t) => Boolean(t.verified));
  const uncountedTotal = sum((t) => !t.verified);
  const reasonedIn = (match: (t: (typeof tallies)[number]) => boolean) =>
    sum((t) => Boolean(t.verified) && (reasonedStances as readonly string[]).includes(t.stance) && match(t));
  const reasonedTotal = reasonedIn(() => true);
  const none = { items: [], total: 0, nextCursor: null };
  const [counted, uncounted, catalogueRows, clauseRows, currentText, viewerOrganizations] = await Promise.all([
    countedTotal ? pageOfPositions(db, norm, { counted: true }, undefined, POSITIONS_PAGE, countedTotal) : none,
    uncountedTotal ? pageOfPositions(db, norm, { counted: false }, undefined, POSITIONS_PAGE, uncountedTotal) : none,
    // The first objections and reservations of each stakeholder type and of each region.
    reasonedTotal ? firstReasons(db, norm.id) : [],
    reasonedTotal ? firstReasonsByClause(db, norm.id) : [],
    // The current version's clauses: what the catalogue by clause lists, and the form offers to name.
    db.query.normVersions.findFirst({
      columns: { clauses: true },
      where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, norm.currentVersion)),
    }),
    actor && !actor.suspension
      ? db
          .select({
            id: organizations.id,
            name: organizations.name,
            slug: organizations.slug,
            // Its positions wait for a second representative's countersignature (countersign.ts).
            requiresCountersignature: organizations.requiresCountersignature,
            stance: normPositions.stance,
            statement: normPositions.statement,
            version: normPositions.version,
            clauses: normPositions.clauses,
          })
          .from(organizationMembers)
          .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
          .leftJoin(normPositions, and(eq(normPositions.organizationId, organizations.id), eq(normPositions.normId, norm.id)))
          .where(
            and(
              eq(organizationMembers.userId, actor.id),
              eq(organizationMembers.role, "representative"),
              eq(organizations.verificationStatus, "verified"),
            ),
          )
          .orderBy(asc(organizations.name))
      : [],
  ]);
  const measures = measuresFromTallies(
    tallies.map((t) => ({ stance: t.stance, stakeholderType: t.stakeholderType, region: t.region, verified: Boolean(t.verified), current: Boolean(t.current), n: Number(t.n) })),
  );
  const entries = catalogueRows.map(({ organization, typeRank, regionRank, ...r }) => ({
    entry: { ...r, organization: withVerified(organization), current: r.version === norm.currentVersion } satisfies CatalogueEntry,
    typeRank: Number(typeRank),
    regionRank: Number(regionRank),
  }));
  const clauseTexts = currentText?.clauses ?? [];
  const byClause = (clause: number): CatalogueGroup<number> => {
    const rows = clauseRows.filter((r) => r.clause === clause);
    return {
      group: clause,
      total: rows[0]?.total ?? 0,
      entries: rows.map((r) => ({ ...r.entry, organization: withVerified(r.entry.organization), current: r.entry.version === norm.currentVersion })),
    };
  };
  // Every clause of the current text, then any higher number named on an earlier, longer version.
  const namedBeyond = [...new Set(clauseRows.map((r) => r.clause).filter((c) => c > clauseTexts.length))].sort((a, b) => a - b);
  return {
    norm: { id: norm.id, slug: norm.slug, title: norm.title, status: norm.status, currentVersion: norm.currentVersion, clauses: clauseTexts },
    open: positionsOpen(norm.status) && !endorsementClosed,
    closedReason: endorsementClosed ? stageClosedRefusal("endorsement", "positions") : positionRefusal(norm.status),
    measures,
    /** The first POSITIONS_PAGE positions of verified organisations, by name; the rest are on the list of positions. */
    positions: counted.items,
    positionsTotal: counted.total,
    positionsNext: counted.nextCursor,
    /** Positions of organisations no longer verified: shown apart, never counted. */
    uncounted: uncounted.items,
    uncountedTotal: uncounted.total,
    catalogue: {
      byStakeholderType: stakeholderTypes
        .map((group): CatalogueGroup<StakeholderType> => ({
          group,
          total: reasonedIn((t) => t.stakeholderType === group),
          entries: entries.filter((e) => e.entry.organization.stakeholderType === group && e.typeRank <= CATALOGUE_PER_GROUP).map((e) => e.entry),
        }))
        .filter((g) => g.total > 0),
      byRegion: regions
        .map((group): CatalogueGroup<Region> => ({
          group,
          total: reasonedIn((t) => t.region === group),
          entries: entries.filter((e) => e.entry.organization.region === group && e.regionRank <= CATALOGUE_PER_GROUP).map((e) => e.entry),
        }))
        .filter((g) => g.total > 0),
      // Clause 0: the objections and reservations that name no particular clause.
      byClause: [...clauseTexts.map((_, i) => byClause(i + 1)), ...namedBeyond.map(byClause)],
      notAboutAClause: byClause(0),
    },
    // The organisations this reader may speak for here, with their current positions.
    viewer: {
      organizations: viewerOrganizations.map(({ stance, statement, version, clauses, ...o }) => ({
        ...o,
        position:
          stance !== null && version !== null
            ? { stance, statement: statement ?? "", version, clauses: clauses ?? [], current: version === norm.currentVersion }
            : null,
      })),
    },
  };
}

/**
 * Every current position on a norm, counted ones first, each group by organisation name: the open
 * data's full record (JSON and CSV), which the pages show a page at a time.
 */
export async function everyPositionForNorm(db: Db, actor: Actor | null, slug: string) {
  const { norm } = await visibleNorm(db, actor, slug);
  const rows = await db
    .select(positionColumns)
    .from(normPositions)
    .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
    .where(eq(normPositions.normId, norm.id))
    .orderBy(sql`${organizations.verificationStatus} = 'verified' desc`, asc(organizations.name), asc(organizations.id));
  return {
    norm: { id: norm.id, slug: norm.slug, title: norm.title, status: norm.status, currentVersion: norm.currentVersion },
    positions: rows.map((r) => ({ ...r, organization: withVerified(r.organization), current: r.version === norm.currentVersion })),
  };
}

/** A page of a norm's positions, filtered by group and stance: the norm page's "all positions". */
export async function listNormPositions(db: Db, actor: Actor | null, input: z.output<typeof normPositionsListInput>) {
  const { norm } = await visibleNorm(db, actor, input.slug);
  const filter: PositionFilter = {
    counted: input.counted,
    stakeholderType: input.stakeholderType,
    region: input.region,
    stance: input.stance,
    clause: input.clause,
  };
  const page = await pageOfPositions(db, norm, filter, input.cursor, input.limit ?? POSITIONS_PAGE);
  return { norm: { slug: norm.slug, title: norm.title, status: norm.status, currentVersion: norm.currentVersion }, ...page };
}

const historyColumns = {
  sequence: normPositionHistory.sequence,
  kind: normPositionHistory.kind,
  stance: normPositionHistory.stance,
  statement: normPositionHistory.statement,
  version: normPositionHistory.version,
  clauses: normPositionHistory.clauses,
  recordedAt: normPositionHistory.recordedAt,
  recordedBy: personName(users, true),
  // Entered by a staff account before the neutrality rule (migration 0029): the record says so.
  recordedByStaff: normPositionHistory.recordedByStaff,
  // Recorded during a sealed endorsement stage: when it was revealed (sealed.ts); null otherwise.
  revealedAt: normPositionHistory.revealedAt,
};

/**
 * Every position ever recorded on the norm, newest first: all of it (the open data), or with
 * `limit` a page after `cursor` (the history page), with the total either way.
 */
export async function positionHistoryForNorm(db: Db, actor: Actor | null, input: z.output<typeof positionHistoryInput>) {
  const { norm } = await visibleNorm(db, actor, input.slug);
  const c = input.cursor;
  const query = db
    .select({ ...historyColumns, id: normPositionHistory.id, at: isoMicros(normPositionHistory.recordedAt), organization: organizationColumns })
    .from(normPositionHistory)
    .innerJoin(organizations, eq(organizations.id, normPositionHistory.organizationId))
    .innerJoin(users, eq(users.id, normPositionHistory.recordedById))
    .where(
      and(
        eq(normPositionHistory.normId, norm.id),
        c
          ? sql`(${normPositionHistory.recordedAt}, ${normPositionHistory.sequence}, ${normPositionHistory.id}) < (${c.t}::timestamptz, ${c.s}, ${c.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(normPositionHistory.recordedAt), desc(normPositionHistory.sequence), desc(normPositionHistory.id))
    .$dynamic();
  const [rows, [total]] = await Promise.all([
    input.limit === undefined ? query : query.limit(input.limit + 1),
    db.select({ n: count() }).from(normPositionHistory).where(eq(normPositionHistory.normId, norm.id)),
  ]);
  const entries = input.limit === undefined ? rows : rows.slice(0, input.limit);
  const last = entries.at(-1);
  return {
    norm: { slug: norm.slug, title: norm.title, currentVersion: norm.currentVersion },
    total: total?.n ?? 0,
    entries: entries.map(({ id: _id, at: _at, ...r }) => ({ ...r, organization: withVerified(r.organization) })),
    nextCursor: input.limit !== undefined && rows.length > input.limit && last ? encodeHistoryCursor({ t: last.at, s: last.sequence, id: last.id }) : null,
  };
}

const publicStatuses: NormStatus[] = ["consultation", "endorsement", "concluded", "withdrawn", "merged"];
/** The second representative, where one countersigned (server/domain/countersign.ts). */
const countersigner = alias(users, "countersigner");

/** An organisation's current positions and their history, on public norms. */
export async function positionsForOrganization(db: Db, actor: Actor | null, slug: string) {
  const organization = await db.query.organizations.findFirst({
    columns: { id: true, slug: true, name: true, stakeholderType: true, region: true, country: true, website: true, verificationStatus: true, participation: true },
    where: eq(organizations.slug, slug),
  });
  if (!organization) throw notFound("The organisation");
  if (organization.verificationStatus === "rejected") {
    const insider = actor ? isStaff(actor) || (await isMember(db, actor.id, organization.id)) : false;
    if (!insider) throw notFound("The organisation");
  }
  const normColumns = { slug: norms.slug, title: norms.title, status: norms.status, currentVersion: norms.currentVersion };
  const [current, history] = await Promise.all([
    db
      .select({
        norm: normColumns,
        stageClosesAt: norms.stageClosesAt,
        stageSealed: norms.stageSealed,
        stance: normPositions.stance,
        statement: normPositions.statement,
        version: normPositions.version,
        clauses: normPositions.clauses,
        recordedAt: normPositions.recordedAt,
        recordedBy: personName(users, true),
        // Who countersigned it, where its organisation requires a second representative.
        countersignedBy: sql<string | null>`case when ${countersigner.id} is null then null else ${personName(countersigner, true)} end`,
      })
      .from(normPositions)
      .innerJoin(norms, eq(norms.id, normPositions.normId))
      .innerJoin(users, eq(users.id, normPositions.recordedById))
      .leftJoin(countersigner, eq(countersigner.id, normPositions.countersignedById))
      .where(and(eq(normPositions.organizationId, organization.id), inArray(norms.status, publicStatuses)))
      .orderBy(desc(normPositions.recordedAt)),
    db
      .select({
        ...historyColumns,
        countersignedBy: sql<string | null>`case when ${countersigner.id} is null then null else ${personName(countersigner, true)} end`,
        norm: normColumns,
      })
      .from(normPositionHistory)
      .innerJoin(norms, eq(norms.id, normPositionHistory.normId))
      .innerJoin(users, eq(users.id, normPositionHistory.recordedById))
      .leftJoin(countersigner, eq(countersigner.id, normPositionHistory.countersignedById))
      .where(and(eq(normPositionHistory.organizationId, organization.id), inArray(norms.status, publicStatuses)))
      .orderBy(desc(normPositionHistory.recordedAt), desc(normPositionHistory.sequence)),
  ]);
  const now = clock.now();
  return {
    organization: withVerified(organization),
    positions: current.map(({ stageClosesAt, stageSealed, ...p }) => ({
      ...p,
      norm: { ...p.norm, stage: stageClock({ status: p.norm.status, stageClosesAt, stageSealed }, now) },
      current: p.version === p.norm.currentVersion,
    })),
    history,
  };
}

async function isMember(db: DbOrTx, userId: string, organizationId: string) {
  const row = await db.query.organizationMembers.findFirst({
    columns: { role: true },
    where: and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
  });
  return Boolean(row);
}
