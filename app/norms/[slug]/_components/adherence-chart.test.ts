import { describe, expect, it } from "vitest";
import { niceTop, stepPaths } from "./adherence-chart";

describe("the adherence chart's geometry", () => {
  it("steps at each day's change and runs to the end of the last day", () => {
    const { line, area } = stepPaths(
      [
        { date: "2027-01-01", value: 2 },
        { date: "2027-01-03", value: 4 },
      ],
      "2027-01-04",
      4,
    );
    // Four days drawn: the change on the third day is halfway along; 4 of 4 is the top.
    expect(line).toBe("M0 50 H50 V0 H100");
    expect(area).toBe("M0 50 H50 V0 H100 V100 H0 Z");
  });

  it("gives a single day a width, and a chart with nobody a flat line at the bottom", () => {
    expect(stepPaths([{ date: "2027-01-01", value: 0 }], "2027-01-01", 2).line).toBe("M0 100 H100");
  });

  it("puts the top a round step above the highest count", () => {
    expect([0, 1, 6, 9, 10, 40, 100, 950].map(niceTop)).toEqual([2, 2, 8, 12, 12, 48, 120, 1200]);
  });
});
