import { describe, expect, it } from "vitest";
import { type FigureSource, narrativeProblems, NarrativeFigureError, resolveNarrative, scanPlaceholders } from "./narrative-figures";

const source: FigureSource = {
  items: [
    {
      key: "norm:protect-certs",
      kind: "forum",
      measures: { counts: { total: 7 }, support: 5 / 6, contestation: 1 / 7, bridging: 0.4167 },
      statements: [{}, {}],
      implementation: { implemented: 1, partially: 1, not_yet: 0, no_information: 0 },
      observations: { consistent: 0, inconsistent: 1 },
    },
    {
      key: "norm:quiet",
      kind: "forum",
      measures: { counts: { total: 0 }, support: null, contestation: null, bridging: 0 },
      statements: [],
      implementation: { implemented: 0, partially: 0, not_yet: 0, no_information: 0 },
      observations: { consistent: 0, inconsistent: 0 },
    },
    {
      key: "reference:ungge-f",
      kind: "reference",
      measures: null,
      statements: [{}],
      implementation: { implemented: 0, partially: 1, not_yet: 0, no_information: 0 },
      observations: { consistent: 2, inconsistent: 0 },
    },
  ],
  organizations: [{}, {}, {}, {}],
  totals: { organizationsFiled: 3, statements: 3, observationsAccepted: 2, observationsRejected: 1, positions: 7 },
};
const items = source.items;
const narrative = (summary: string, III = "") => ({ summary, categories: { I: "", II: "", III, IV: "", V: "" } });

describe("narrative figure placeholders", () => {
  it("resolves totals, per-norm figures and statuses from the snapshot's own figures", () => {
    const resolved = resolveNarrative(
      narrative(
        "{{organizations:filed}} organisations filed {{statements:count}} statements on {{items:count}} norms ({{items:forum}} forum, {{items:reference}} reference); {{statements:partially}} partial.",
        "Support {{support:protect-certs}}, contestation {{contestation:protect-certs}}, bridging {{bridging:protect-certs}}, {{positions:protect-certs}} positions; {{statements:ungge-f}} statement on {{ inconsistent : protect-certs }} / {{consistent:reference:ungge-f}}; none: {{support:quiet}}.",
      ),
      source,
    );
    expect(resolved.summary).toBe("3 organisations filed 3 statements on 3 norms (2 forum, 1 reference); 2 partial.");
    expect(resolved.categories.III).toBe("Support 83%, contestation 14%, bridging 0.42, 7 positions; 1 statement on 1 / 2; none: no figure.");
    expect(resolved.categories.I).toBe("");
  });

  it("leaves text without placeholders exactly as written, single braces included", () => {
    const text = "A {single} brace and } stray closers }} stay.";
    expect(resolveNarrative(narrative(text), source).summary).toBe(text);
  });

  it("names the field and the problem for an unknown figure, an unknown norm, an unclosed or empty placeholder", () => {
    expect(narrativeProblems(narrative("{{supprt:protect-certs}}"), items).summary).toMatch(/is not a figure the report has/);
    expect(narrativeProblems(narrative("", "{{support:no-such-norm}}"), items)["categories.III"]).toMatch(/names no norm this stock-take covers/);
    expect(narrativeProblems(narrative("{{statements:count"), items).summary).toMatch(/is not closed/);
    expect(narrativeProblems(narrative("{{}}"), items).summary).toMatch(/needs a name/);
    expect(narrativeProblems(narrative("{{support:ungge-f}}"), items).summary).toMatch(/reference norms have no positions/);
    expect(narrativeProblems(narrative("{{statements:count}} and {{support:protect-certs}}"), items)).toEqual({});
  });

  it("asks for the kind when a slug is both a forum norm and a reference id", () => {
    const both = [...items, { key: "reference:protect-certs", kind: "reference" as const }];
    expect(narrativeProblems(narrative("{{statements:protect-certs}}"), both).summary).toMatch(/norm:protect-certs or reference:protect-certs/);
    expect(narrativeProblems(narrative("{{statements:reference:protect-certs}}"), both)).toEqual({});
  });

  it("refuses to resolve what it cannot, naming the field", () => {
    expect(() => resolveNarrative(narrative("", "{{support:gone}}"), source)).toThrow(NarrativeFigureError);
    try {
      resolveNarrative(narrative("", "{{support:gone}}"), source);
    } catch (error) {
      expect(Object.keys((error as NarrativeFigureError).problems)).toEqual(["categories.III"]);
    }
  });

  it("scans a long hostile text in one pass", () => {
    const hostile = "{{a:b}}".repeat(50_000) + "{{".repeat(50_000);
    // One pass with indexOf: a quadratic scan of this text would outlast the test's timeout.
    const { placeholders, problem } = scanPlaceholders(hostile);
    expect(placeholders).toHaveLength(50_000);
    expect(problem?.message).toMatch(/not closed/);
  });
});
