import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regions, stakeholderTypes, stances } from "~/server/schemas/vocabulary";
import { computeMeasures, contestationLowerBound, countStances, supportLowerBound, wilsonLowerBound, WILSON_Z, type MeasuredPosition } from "./measures";

const position = (overrides: Partial<MeasuredPosition> = {}): MeasuredPosition => ({
  stance: "endorse",
  stakeholderType: "state",
  region: "african",
  verified: true,
  current: true,
  ...overrides,
});

const arbitraryPosition = fc.record({
  stance: fc.constantFrom(...stances),
  stakeholderType: fc.constantFrom(...stakeholderTypes),
  region: fc.constantFrom(...regions),
  verified: fc.boolean(),
  current: fc.boolean(),
});
const arbitraryEndorsement = fc.record({
  stance: fc.constantFrom("endorse" as const, "endorse_with_reservations" as const),
  stakeholderType: fc.constantFrom(...stakeholderTypes),
  region: fc.constantFrom(...regions),
  verified: fc.constant(true),
  current: fc.boolean(),
});
const positions = fc.array(arbitraryPosition, { maxLength: 60 });

const groupsSpanned = (list: readonly MeasuredPosition[]) =>
  new Set(list.map((p) => p.stakeholderType)).size + new Set(list.map((p) => p.region)).size;

describe("computeMeasures", () => {
  it("counts stances, support, contestation and breadth over verified organisations", () => {
    const m = computeMeasures([
      position({ stance: "endorse", stakeholderType: "state", region: "african" }),
      position({ stance: "endorse_with_reservations", stakeholderType: "civil_society", region: "weog", current: false }),
      position({ stance: "object", stakeholderType: "state", region: "asia_pacific" }),
      position({ stance: "abstain", stakeholderType: "academia", region: "weog" }),
      position({ stance: "object", verified: false }),
    ]);
    expect(m.counts).toEqual({ endorse: 1, endorse_with_reservations: 1, object: 1, abstain: 1, total: 4 });
    expect(m.support).toBeCloseTo(2 / 3);
    expect(m.contestation).toBeCloseTo(1 / 4);
    expect(m.onCurrentText).toBe(3);
    expect(m.uncounted).toBe(1);
    expect(m.breadth).toEqual({ stakeholderTypes: 2, regions: 2, ofStakeholderTypes: 6, ofRegions: 6 });
    expect(m.byStakeholderType.find((g) => g.group === "state")).toMatchObject({ support: 0.5, counts: { endorse: 1, object: 1, total: 2 } });
    expect(m.byRegion.find((g) => g.group === "eastern_european")).toMatchObject({ support: null, counts: { total: 0 } });
    // state ½, civil society 1, african 1, weog 1, asia-pacific 0 (objection only): 3.5 of 12 groups.
    expect(m.bridging).toBeCloseTo(3.5 / 12);
  });

  it("has no support or contestation without positions, and a bridging score of 0", () => {
    const m = computeMeasures([]);
    expect(m.support).toBeNull();
    expect(m.contestation).toBeNull();
    expect(m.bridging).toBe(0);
    expect(computeMeasures([position({ stance: "abstain" })]).support).toBeNull();
  });

  it("ranks a norm endorsed across every group above one endorsed by many organisations of one group", () => {
    const everywhere = stakeholderTypes.map((stakeholderType, i) => position({ stakeholderType, region: regions[i]! }));
    const oneSide = Array.from({ length: 100 }, () => position({ stakeholderType: "state", region: "weog" }));
    expect(computeMeasures(everywhere).bridging).toBe(1);
    expect(computeMeasures(oneSide).bridging).toBeCloseTo(2 / 12);
    expect(computeMeasures(everywhere).bridging).toBeGreaterThan(computeMeasures(oneSide).bridging);
  });

  it("uses both stakeholder types and regions", () => {
    const oneRegion = stakeholderTypes.map((stakeholderType) => position({ stakeholderType, region: "weog" }));
    const oneType = regions.map((region) => position({ stakeholderType: "state", region }));
    expect(computeMeasures(oneRegion).bridging).toBeCloseTo(7 / 12);
    expect(computeMeasures(oneType).bridging).toBeCloseTo(7 / 12);
    const spread = stakeholderTypes.map((stakeholderType, i) => position({ stakeholderType, region: regions[i]! }));
    expect(computeMeasures(spread).bridging).toBeGreaterThan(computeMeasures(oneRegion).bridging);
  });
});

describe("properties the design requires", () => {
  it("keeps support, contestation and the bridging score within [0, 1]", () => {
    fc.assert(
      fc.property(positions, (list) => {
        const m = computeMeasures(list);
        for (const value of [m.support, m.contestation, m.bridging, ...m.byStakeholderType.map((g) => g.support), ...m.byRegion.map((g) => g.support)]) {
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it("never raises the bridging score or support when one more objection is recorded", () => {
    fc.assert(
      fc.property(positions, arbitraryPosition, (list, extra) => {
        const before = computeMeasures(list);
        const after = computeMeasures([...list, { ...extra, stance: "object", verified: true }]);
        expect(after.bridging).toBeLessThanOrEqual(before.bridging + 1e-12);
        if (before.support !== null) expect(after.support!).toBeLessThanOrEqual(before.support + 1e-12);
      }),
    );
  });

  it("scores higher the norm whose endorsements span more groups, at equal endorsements and no objections", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.tuple(fc.array(arbitraryEndorsement, { minLength: n, maxLength: n }), fc.array(arbitraryEndorsement, { minLength: n, maxLength: n })),
        ),
        ([a, b]) => {
          const [spanA, spanB] = [groupsSpanned(a), groupsSpanned(b)];
          const [scoreA, scoreB] = [computeMeasures(a).bridging, computeMeasures(b).bridging];
          if (spanA > spanB) expect(scoreA).toBeGreaterThan(scoreB);
          else if (spanA < spanB) expect(scoreA).toBeLessThan(scoreB);
          else expect(scoreA).toBeCloseTo(scoreB, 12);
        },
      ),
    );
  });

  it("ignores organisations that are not verified in every figure", () => {
    fc.assert(
      fc.property(positions, fc.array(arbitraryPosition, { maxLength: 20 }), (list, unverified) => {
        const base = computeMeasures(list);
        const withUnverified = computeMeasures([...list, ...unverified.map((p) => ({ ...p, verified: false }))]);
        expect({ ...withUnverified, uncounted: 0 }).toEqual({ ...base, uncounted: 0 });
        expect(withUnverified.uncounted).toBe(base.uncounted + unverified.length);
      }),
    );
  });

  it("does not depend on the order positions were recorded in", () => {
    fc.assert(
      fc.property(positions, (list) => {
        const reversed = computeMeasures([...list].reverse());
        const m = computeMeasures(list);
        expect(reversed.counts).toEqual(m.counts);
        expect(reversed.bridging).toBeCloseTo(m.bridging, 12);
      }),
    );
  });
});

describe("the Wilson lower bound the list sorts on", () => {
  const stancesOf = (counts: Partial<Record<(typeof stances)[number], number>>) =>
    countStances(Object.entries(counts).flatMap(([stance, n]) => Array.from({ length: n }, () => ({ stance: stance as (typeof stances)[number] }))));

  it("ranks one objection out of one below 30 objections out of 40", () => {
    const one = contestationLowerBound(stancesOf({ object: 1 }))!;
    const many = contestationLowerBound(stancesOf({ object: 30, endorse: 10 }))!;
    expect(one).toBeCloseTo(0.2065, 3);
    expect(many).toBeCloseTo(0.598, 3);
    expect(one).toBeLessThan(many);
  });

  it("does the same for support, leaving abstentions out as support does", () => {
    expect(supportLowerBound(stancesOf({ endorse: 1 }))!).toBeLessThan(supportLowerBound(stancesOf({ endorse: 25, endorse_with_reservations: 5, object: 10 }))!);
    expect(supportLowerBound(stancesOf({ endorse: 30, object: 10, abstain: 50 }))).toBe(wilsonLowerBound(30, 40));
    expect(contestationLowerBound(stancesOf({ endorse: 30, object: 10, abstain: 50 }))).toBe(wilsonLowerBound(10, 90));
  });

  it("is null with nothing to count, 0 with no successes, and below the share otherwise", () => {
    expect(wilsonLowerBound(0, 0)).toBeNull();
    expect(supportLowerBound(stancesOf({ abstain: 3 }))).toBeNull();
    expect(wilsonLowerBound(0, 12)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (n, k) => {
        const successes = Math.min(k, n);
        const bound = wilsonLowerBound(successes, n)!;
        return bound >= 0 && bound <= successes / n + 1e-12 && bound < 1;
      }),
    );
  });

  it("rises with more evidence at the same share", () => {
    expect(wilsonLowerBound(3, 4)!).toBeLessThan(wilsonLowerBound(30, 40)!);
    expect(wilsonLowerBound(30, 40)!).toBeLessThan(wilsonLowerBound(300, 400)!);
  });
});

describe("the methodology page states the ranking", () => {
  it("gives the same z as the sort keys use", async () => {
    const { default: messages } = await import("~/messages/en/methodology.json");
    expect(messages.ranking.formula).toContain(`z = ${WILSON_Z}`);
  });
});
