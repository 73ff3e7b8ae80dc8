// The published criteria of the secretariat's moves (/about/process), evaluated against a norm's
// live figures. Pure: the thresholds come from process_criteria and the facts from the norm's row
// (its stored counts by group, its bridging score, its stage's clock).
import { asc } from "drizzle-orm";
import type { DbOrTx } from "~/db/connect";
import { type CriterionKind, type CriterionMove, processCriteria } from "~/db/schema";
import { regions, stakeholderTypes, stances } from "../schemas/vocabulary";
import type { NormStatus } from "../schemas/vocabulary";

export interface Criterion {
  criterion: CriterionKind;
  threshold: number;
}

/** A criterion as evaluated: the threshold, the norm's figure, and whether it is met. */
export interface CriterionResult extends Criterion {
  value: number;
  met: boolean;
}

/** What the criteria read from a norm. */
export interface CriteriaFacts {
  /** The norm's timed stage has reached its closing date. */
  stageClosed: boolean;
  /** Verified organisations with a position. */
  organizations: number;
  /** Stakeholder types (of 6) with at least one verified organisation's position. */
  stakeholderTypes: number;
  /** UN regional groups (of 5; "global" is not one) with at least one verified organisation's position. */
  regions: number;
  bridging: number;
}

/** The five UN regional groups: every region of the vocabulary but "global". */
export const UN_REGIONS = regions.filter((r) => r !== "global");

/** The facts from a norm's stored counts (norms.counted_by_group: per group, per stance; server/domain/measures.ts). */
export function factsOf(norm: { countedByGroup: number[]; positionCount: number; bridging: number }, stageClosed: boolean): CriteriaFacts {
  const groupHas = (group: number) => stances.some((_, s) => (norm.countedByGroup[group * stances.length + s] ?? 0) > 0);
  return {
    stageClosed,
    organizations: norm.positionCount,
    stakeholderTypes: stakeholderTypes.filter((_, i) => groupHas(i)).length,
    regions: UN_REGIONS.filter((r) => groupHas(stakeholderTypes.length + regions.indexOf(r))).length,
    bridging: norm.bridging,
  };
}

const valueOf: Record<CriterionKind, (f: CriteriaFacts) => number> = {
  stageClosed: (f) => (f.stageClosed ? 1 : 0),
  minOrganizations: (f) => f.organizations,
  minStakeholderTypes: (f) => f.stakeholderTypes,
  minRegions: (f) => f.regions,
  minBridging: (f) => f.bridging,
};

export function evaluate(criteria: readonly Criterion[], facts: CriteriaFacts): CriterionResult[] {
  return criteria.map((c) => {
    const value = valueOf[c.criterion](facts);
    // Scores are compared at the precision the forum publishes them (six decimals).
    const met = c.criterion === "minBridging" ? Math.round(value * 1e6) >= Math.round(c.threshold * 1e6) : value >= c.threshold;
    return { ...c, value, met };
  });
}

/** The move that has published criteria from a norm's state, if any: consultation → endorsement, endorsement → concluded. */
export const nextMove = (status: NormStatus): CriterionMove | null =>
  status === "consultation" ? "openEndorsement" : status === "endorsement" ? "conclude" : null;

/** The published criteria, by move, in the order the process page lists them. */
export async function publishedCriteria(db: DbOrTx): Promise<Record<CriterionMove, Criterion[]>> {
  const rows = await db.select().from(processCriteria).orderBy(asc(processCriteria.move), asc(processCriteria.position));
  const by = { openEndorsement: [] as Criterion[], conclude: [] as Criterion[] };
  for (const r of rows) by[r.move].push({ criterion: r.criterion, threshold: r.threshold });
  return by;
}

/** Plain words for what was not met, for a refusal. */
export function unmetWords(results: readonly CriterionResult[]): string {
  const words: Record<CriterionKind, (r: CriterionResult) => string> = {
    stageClosed: () => "the stage has not reached its closing date",
    minOrganizations: (r) => `${r.value} verified organisations took a position, of the ${r.threshold} required`,
    minStakeholderTypes: (r) => `positions come from ${r.value} stakeholder types, of the ${r.threshold} required`,
    minRegions: (r) => `positions come from ${r.value} UN regional groups, of the ${r.threshold} required`,
    minBridging: (r) => `the bridging score is ${r.value.toFixed(2)}, below the ${r.threshold.toFixed(2)} required`,
  };
  return results
    .filter((r) => !r.met)
    .map((r) => words[r.criterion](r))
    .join("; ");
}
