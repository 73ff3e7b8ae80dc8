import { describe, expect, it } from "vitest";
import { comparison, exampleMeasures, examplePositions } from "~/app/about/methodology/example";
import { computeMeasures } from "./measures";

// The methodology page renders these figures and explains them in words ("4 of 5", "7 of 12"):
// if the formulas change, this test says the page's prose must change with them.
describe("the worked example on the methodology page", () => {
  it("is what computeMeasures returns for the example's positions", () => {
    expect(exampleMeasures).toEqual(computeMeasures(examplePositions));
  });

  it("counts the six verified organisations and leaves out the revoked one", () => {
    expect(exampleMeasures.counts).toEqual({ endorse: 3, endorse_with_reservations: 1, object: 1, abstain: 1, total: 6 });
    expect(exampleMeasures.uncounted).toBe(1);
    expect(exampleMeasures.onCurrentText).toBe(5);
  });

  it("has support 4 of 5, contestation 1 of 6 and a bridging score of 7 of 12", () => {
    expect(exampleMeasures.support).toBeCloseTo(4 / 5, 12);
    expect(exampleMeasures.contestation).toBeCloseTo(1 / 6, 12);
    expect(exampleMeasures.bridging).toBeCloseTo(7 / 12, 12);
    expect(exampleMeasures.breadth).toEqual({ stakeholderTypes: 4, regions: 4, ofStakeholderTypes: 6, ofRegions: 6 });
  });

  it("gives each declared group the share the page's table shows", () => {
    const shares = (list: typeof exampleMeasures.byRegion | typeof exampleMeasures.byStakeholderType) =>
      Object.fromEntries(list.map((g) => [g.group, g.support]));
    expect(shares(exampleMeasures.byStakeholderType)).toEqual({
      state: 0.5,
      intergovernmental: null,
      private_sector: 1,
      civil_society: 1,
      academia: null,
      technical_community: 1,
    });
    expect(shares(exampleMeasures.byRegion)).toEqual({
      african: 1,
      asia_pacific: 1,
      eastern_european: null,
      latin_american_caribbean: 1,
      weog: 0.5,
      global: null,
    });
  });

  it("ranks six endorsements across every group above a hundred from one group", () => {
    expect(comparison.oneGroup.support).toBe(1);
    expect(comparison.everyGroup.support).toBe(1);
    expect(comparison.oneGroup.bridging).toBeCloseTo(2 / 12, 12);
    expect(comparison.everyGroup.bridging).toBe(1);
  });
});
