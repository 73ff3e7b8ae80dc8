// Adherence after conclusion (docs/adherence.md): the figures frozen at the close of a norm's
// endorsement stage, and the live take-up since, day by day, from the position history. Writing
// adherence (recordPosition on a concluded norm, withdrawAdherence) is in positions.ts.
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/connect";
import { normFrozenFigures, normPositionHistory, norms, organizations } from "~/db/schema";
import { type Region, regions, type StakeholderType, stakeholderTypes } from "~/server/schemas/vocabulary";
import { clock } from "../clock";
import type { Actor } from "../policy";
import { measuresFromCounted } from "./measures";
import { visibleNorm } from "./norm-queries";

/**
 * Copies the norm's counts and measures into its frozen record, in the transaction that concludes
 * it and after that transaction has locked the norm's row (so no position is being counted
 * meanwhile: recording one takes the same row). Positions stop at the endorsement stage's close,
 * so the counts now are the counts then; the record is dated at the close, or at the conclusion if
 * the secretariat concluded before the closing date.
 */
export async function freezeFigures(tx: Tx, norm: { id: string; stageClosesAt: Date | null }, now: Date) {
  const frozenAt = norm.stageClosesAt && norm.stageClosesAt < now ? norm.stageClosesAt : now;
  await tx.insert(normFrozenFigures).select(
    tx
      .select({
        normId: norms.id,
        frozenAt: sql`${frozenAt.toISOString()}::timestamptz`.as("frozen_at"),
        countedByGroup: norms.countedByGroup,
        positionCount: norms.positionCount,
        support: norms.support,
        bridging: norms.bridging,
        contestation: norms.contestation,
        supportLowerBound: norms.supportLowerBound,
        contestationLowerBound: norms.contestationLowerBound,
        concludedAt: sql`${now.toISOString()}::timestamptz`.as("concluded_at"),
      })
      .from(norms)
      .where(eq(norms.id, norm.id)),
  );
}

/** One day on which the number of adherents changed (or the day of conclusion), with the totals at its end. */
export interface AdherencePoint {
  /** The UTC day, YYYY-MM-DD. */
  date: string;
  /** Organisations that began to adhere that day (on the day of conclusion: every adherent up to its end). */
  joined: number;
  /** Organisations whose adherence ended that day (withdrawn, or changed to a stance that does not endorse). */
  left: number;
  /** Adherents at the end of the day: verified organisations whose position endorses the norm. */
  total: number;
  byStakeholderType: Record<StakeholderType, number>;
  byRegion: Record<Region, number>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A concluded norm's adherents by day since its conclusion, from the position history in one
 * query: each entry's change to whether its organisation adheres (endorses, with or without
 * reservations, and has not withdrawn), against the organisation's entry before it, summed by UTC
 * day (entries before the conclusion fall on its day), stakeholder type and region. Read through
 * norm_position_history_norm_id_idx (norm_id, recorded_at), so it costs the norm's own history,
 * however many positions the forum holds. Counts verified organisations only, as every figure does.
 */
export async function adherenceSeries(db: Db, normId: string, concludedAt: Date): Promise<AdherencePoint[]> {
  const h = normPositionHistory;
  const adheres = sql`(${h.kind} <> 'withdrawn' and ${h.stance} in ('endorse', 'endorse_with_reservations'))::int`;
  const changes = db.$with("changes").as(
    db
      .select({
        organizationId: h.organizationId,
        recordedAt: h.recordedAt,
        delta: sql<number>`${adheres} - coalesce(lag(${adheres}) over (partition by ${h.organizationId} order by ${h.sequence}), 0)`.as("delta"),
      })
      .from(h)
      .where(eq(h.normId, normId)),
  );
  const day = sql<string>`to_char(greatest(${changes.recordedAt}, ${concludedAt.toISOString()}::timestamptz) at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .with(changes)
    .select({
      day,
      stakeholderType: organizations.stakeholderType,
      region: organizations.region,
      delta: sql<number>`sum(${changes.delta})::int`,
      joined: sql<number>`(count(*) filter (where ${changes.delta} > 0))::int`,
      left: sql<number>`(count(*) filter (where ${changes.delta} < 0))::int`,
    })
    .from(changes)
    .innerJoin(organizations, eq(organizations.id, changes.organizationId))
    .where(sql`${changes.delta} <> 0 and ${organizations.verificationStatus} = 'verified'`)
    .groupBy(sql`1, 2, 3`)
    .orderBy(sql`1`);
  const first = utcDay(concludedAt);
  const points: AdherencePoint[] = [];
  let running: AdherencePoint = { date: first, joined: 0, left: 0, total: 0, byStakeholderType: zeros(stakeholderTypes), byRegion: zeros(regions) };
  points.push(running);
  for (const r of rows) {
    if (r.day !== running.date) {
      running = { ...running, date: r.day, joined: 0, left: 0, byStakeholderType: { ...running.byStakeholderType }, byRegion: { ...running.byRegion } };
      points.push(running);
    }
    running.joined += Number(r.joined);
    running.left += Number(r.left);
    running.total += Number(r.delta);
    running.byStakeholderType[r.stakeholderType] += Number(r.delta);
    running.byRegion[r.region] += Number(r.delta);
  }
  return points;
}

/** The frozen record of a concluded norm, with the measures its counts give; null for any other norm. */
export async function frozenFigures(db: Db, normId: string) {
  const [row] = await db.select().from(normFrozenFigures).where(eq(normFrozenFigures.normId, normId));
  if (!row) return null;
  return {
    frozenAt: row.frozenAt,
    concludedAt: row.concludedAt,
    measures: measuresFromCounted(row.countedByGroup),
    // The list's sort keys as they stood (the measures above give the shares themselves).
    supportLowerBound: row.supportLowerBound,
    contestationLowerBound: row.contestationLowerBound,
  };
}

/**
 * A norm's adherence: for a concluded norm, the figures frozen at the close of endorsement, the
 * live figures now (the norm's maintained counts) and the adherents by day since the conclusion;
 * for any other public norm, nothing yet. The norm page and GET /api/v1/norms/{slug}/adherence.
 */
export async function adherenceForNorm(db: Db, actor: Actor | null, slug: string) {
  const { norm } = await visibleNorm(db, actor, slug);
  const head = { slug: norm.slug, title: norm.title, status: norm.status, currentVersion: norm.currentVersion };
  const frozen = norm.status === "concluded" ? await frozenFigures(db, norm.id) : null;
  // The day the series runs to: today, though the last change may be older.
  const asOf = utcDay(clock.now());
  if (!frozen) return { norm: head, asOf, concludedAt: null, frozen: null, live: null, series: [] as AdherencePoint[] };
  return {
    norm: head,
    asOf,
    concludedAt: frozen.concludedAt,
    frozen,
    live: measuresFromCounted(norm.countedByGroup),
    series: await adherenceSeries(db, norm.id, frozen.concludedAt),
  };
}
