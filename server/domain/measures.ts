// The figures the forum publishes for a norm (DESIGN.md, "Measures the forum publishes"), as pure
// functions of the positions, so the page, the open data, the list's sort keys and the stock-take
// all compute them the same way. The methodology page (/about/methodology) states these formulas.
import { regions, type Region, type Stance, stakeholderTypes, type StakeholderType, stances } from "~/server/schemas/vocabulary";

export interface MeasuredPosition {
  stance: Stance;
  stakeholderType: StakeholderType;
  region: Region;
  /** Whether the organisation is verified now: only verified organisations count. */
  verified: boolean;
  /** Whether the position was given (or reaffirmed) on the norm's current version. */
  current: boolean;
}

export type StanceCounts = Record<Stance, number> & { total: number };

export interface GroupFigures<G extends string> {
  group: G;
  counts: StanceCounts;
  /** Support within the group; null where no organisation of the group endorsed or objected. */
  support: number | null;
}

export interface Measures {
  /** Counted positions (verified organisations) by stance. */
  counts: StanceCounts;
  /** How many counted positions were given on the current text ("12 of 15 on the current text"). */
  onCurrentText: number;
  /** Positions of organisations that are not verified: listed, never counted. */
  uncounted: number;
  /** (endorse + reservations) / (endorse + reservations + object); null with no such positions. */
  support: number | null;
  /** object / all counted positions (abstentions included); null with no positions. */
  contestation: number | null;
  /** Mean over the 12 declared groups (6 stakeholder types, 6 regions) of each group's bridging share. */
  bridging: number;
  /** How many stakeholder types and regions have at least one endorsing organisation. */
  breadth: { stakeholderTypes: number; regions: number; ofStakeholderTypes: number; ofRegions: number };
  byStakeholderType: GroupFigures<StakeholderType>[];
  byRegion: GroupFigures<Region>[];
}

const ENDORSING: ReadonlySet<Stance> = new Set(["endorse", "endorse_with_reservations"]);

export const emptyCounts = (): StanceCounts => ({ endorse: 0, endorse_with_reservations: 0, object: 0, abstain: 0, total: 0 });

export function countStances(positions: readonly { stance: Stance }[]): StanceCounts {
  const counts = emptyCounts();
  for (const p of positions) {
    counts[p.stance] += 1;
    counts.total += 1;
  }
  return counts;
}

const endorsing = (c: StanceCounts) => c.endorse + c.endorse_with_reservations;

/** Share of endorsements among those who endorsed or objected; abstentions are left out. */
export function support(c: StanceCounts): number | null {
  const decided = endorsing(c) + c.object;
  return decided === 0 ? null : endorsing(c) / decided;
}

/** Share of objections among all counted positions, abstentions included. */
export function contestation(c: StanceCounts): number | null {
  return c.total === 0 ? null : c.object / c.total;
}

/** The normal quantile of a two-sided 95% interval, used by the lower bounds the list sorts on. */
export const WILSON_Z = 1.96;

/**
 * The lower bound of the Wilson score interval (95%) of a share of `successes` out of `n`: the
 * share the data make likely at the least. It accounts for sample size, so one objection out of
 * one (about 0.21) ranks below 30 out of 40 (about 0.60). Null with n = 0, like the share itself.
 * The same formula is written in SQL in the migration that added the columns
 * (db/migrations/*_wilson_lower_bounds.sql) and on the methodology page.
 */
export function wilsonLowerBound(successes: number, n: number, z: number = WILSON_Z): number | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const bound = (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // Rounding can leave a hair below 0 when successes is 0.
  return Math.max(0, bound);
}

/** The support sort's key: the Wilson lower bound of support (abstentions left out, as in support). */
export const supportLowerBound = (c: StanceCounts) => wilsonLowerBound(endorsing(c), endorsing(c) + c.object);

/** The contestation sort's key: the Wilson lower bound of contestation (over all counted positions). */
export const contestationLowerBound = (c: StanceCounts) => wilsonLowerBound(c.object, c.total);

/**
 * A group's share in the bridging score: its support where at least one of its organisations
 * endorses, otherwise 0. A group nobody in it endorses adds nothing, however many it has, so a
 * norm can only score high by being endorsed across groups; objections pull each group down.
 */
export const bridgingShare = (c: StanceCounts) => (endorsing(c) === 0 ? 0 : endorsing(c) / (endorsing(c) + c.object));

function byGroup<G extends string>(groups: readonly G[], positions: readonly MeasuredPosition[], key: (p: MeasuredPosition) => G) {
  return groups.map((group) => {
    const counts = countStances(positions.filter((p) => key(p) === group));
    return { group, counts, support: support(counts) };
  });
}

export const GROUP_COUNT = stakeholderTypes.length + regions.length;

export function computeMeasures(all: readonly MeasuredPosition[]): Measures {
  const positions = all.filter((p) => p.verified);
  const counts = countStances(positions);
  const byStakeholderType = byGroup(stakeholderTypes, positions, (p) => p.stakeholderType);
  const byRegion = byGroup(regions, positions, (p) => p.region);
  const groups = [...byStakeholderType, ...byRegion];
  const bridging = groups.reduce((sum, g) => sum + bridgingShare(g.counts), 0) / GROUP_COUNT;
  const endorsed = (list: readonly GroupFigures<string>[]) => list.filter((g) => endorsing(g.counts) > 0).length;
  return {
    counts,
    onCurrentText: positions.filter((p) => p.current).length,
    uncounted: all.length - positions.length,
    support: support(counts),
    contestation: contestation(counts),
    bridging,
    breadth: {
      stakeholderTypes: endorsed(byStakeholderType),
      regions: endorsed(byRegion),
      ofStakeholderTypes: stakeholderTypes.length,
      ofRegions: regions.length,
    },
    byStakeholderType,
    byRegion,
  };
}

/** Positions counted by kind: as many positions as `n` of each. */
export type MeasuredTally = MeasuredPosition & { n: number };

/** computeMeasures over counts (a GROUP BY's rows) rather than one row per position. */
export function measuresFromTallies(tallies: readonly MeasuredTally[]): Measures {
  return computeMeasures(tallies.flatMap(({ n, ...position }) => Array.from({ length: n }, () => position)));
}

/**
 * Where a counted position goes in a norm's stored counts (norms.counted_by_group, 48 integers):
 * its stance within its stakeholder type's group (groups 0-5) and within its region's (6-11), in
 * the vocabulary's orders; 0-based here, 1-based in SQL (norm_counted_slots(), migration 0020).
 */
export function countedSlots(p: { stakeholderType: StakeholderType; region: Region; stance: Stance }): [number, number] {
  const s = stances.indexOf(p.stance);
  return [stakeholderTypes.indexOf(p.stakeholderType) * stances.length + s, (stakeholderTypes.length + regions.indexOf(p.region)) * stances.length + s];
}

export const COUNTED_SLOTS = GROUP_COUNT * stances.length;

/** A norm's stored counts from its positions (verified organisations only), as norm_counted() gives them. */
export function countedByGroup(positions: readonly MeasuredPosition[]): number[] {
  const counted = Array.from({ length: COUNTED_SLOTS }, () => 0);
  for (const p of positions) if (p.verified) for (const slot of countedSlots(p)) counted[slot]! += 1;
  return counted;
}

export const isEndorsing = (s: Stance) => ENDORSING.has(s);
export { stances };

/** The figures that the 48 stored counts determine: all of Measures but what needs each position. */
export type CountedMeasures = Omit<Measures, "onCurrentText" | "uncounted">;

/**
 * The measures from a norm's stored counts (norms.counted_by_group, or a frozen copy of them):
 * computeMeasures() of the counted positions, for every field the counts determine. The counts
 * hold each position once in its type's group and once in its region's, so the totals are the
 * type groups' sum.
 */
export function measuresFromCounted(counted: readonly number[]): CountedMeasures {
  const groupCounts = (g: number) => {
    const counts = emptyCounts();
    stances.forEach((s, i) => {
      counts[s] = counted[g * stances.length + i] ?? 0;
      counts.total += counts[s];
    });
    return counts;
  };
  const byStakeholderType = stakeholderTypes.map((group, g) => {
    const counts = groupCounts(g);
    return { group, counts, support: support(counts) };
  });
  const byRegion = regions.map((group, r) => {
    const counts = groupCounts(stakeholderTypes.length + r);
    return { group, counts, support: support(counts) };
  });
  const counts = emptyCounts();
  for (const g of byStakeholderType) for (const s of [...stances, "total"] as const) counts[s] += g.counts[s];
  const groups = [...byStakeholderType, ...byRegion];
  const endorsed = (list: readonly GroupFigures<string>[]) => list.filter((g) => endorsing(g.counts) > 0).length;
  return {
    counts,
    support: support(counts),
    contestation: contestation(counts),
    bridging: groups.reduce((sum, g) => sum + bridgingShare(g.counts), 0) / GROUP_COUNT,
    breadth: { stakeholderTypes: endorsed(byStakeholderType), regions: endorsed(byRegion), ofStakeholderTypes: stakeholderTypes.length, ofRegions: regions.length },
    byStakeholderType,
    byRegion,
  };
}
