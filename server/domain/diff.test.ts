import { describe, expect, it } from "vitest";
import { diffClauses, diffStats, diffWords, isRewrite, tokenize } from "./diff";

const apply = (parts: ReturnType<typeof diffWords>, side: "before" | "after") =>
  parts.filter((p) => p.type === "equal" || p.type === (side === "before" ? "delete" : "insert")).map((p) => p.text).join("");

describe("word diff", () => {
  it("marks one changed word as one deletion and one insertion", () => {
    const parts = diffWords("States should not knowingly harm CERTs.", "States should not intentionally harm CERTs.");
    expect(parts).toEqual([
      { type: "equal", text: "States should not " },
      { type: "delete", text: "knowingly" },
      { type: "insert", text: "intentionally" },
      { type: "equal", text: " harm CERTs." },
    ]);
    expect(diffStats(parts)).toEqual({ inserted: 1, deleted: 1 });
  });

  it("rebuilds both texts exactly from the parts", () => {
    const a = "A state should not conduct or knowingly support ICT activity contrary to its obligations.";
    const b = "A State should not conduct, or support, ICT activity that damages critical infrastructure, contrary to its obligations under international law.";
    const parts = diffWords(a, b);
    expect(apply(parts, "before")).toBe(a);
    expect(apply(parts, "after")).toBe(b);
  });

  it("handles empty sides and identical texts", () => {
    expect(diffWords("", "new words")).toEqual([{ type: "insert", text: "new words" }]);
    expect(diffWords("old words", "")).toEqual([{ type: "delete", text: "old words" }]);
    expect(diffWords("same", "same")).toEqual([{ type: "equal", text: "same" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("keeps words in any script whole", () => {
    expect(tokenize("Государства должны, 各国")).toEqual(["Государства", " ", "должны", ",", " ", "各国"]);
  });
});

describe("word diff on long texts", () => {
  it("stays exact on a long text with scattered changes", () => {
    const words = Array.from({ length: 4000 }, (_, i) => `word${i % 97}`);
    const a = words.join(" ");
    const b = words.map((w, i) => (i % 50 === 0 ? `changed${i}` : w)).join(" ");
    const parts = diffWords(a, b);
    expect(apply(parts, "before")).toBe(a);
    expect(apply(parts, "after")).toBe(b);
    expect(diffStats(parts)).toEqual({ inserted: 80, deleted: 80 });
  });

  it("shows wholly different long texts as replaced", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(" ");
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(" ");
    const parts = diffWords(a, b);
    expect(apply(parts, "before")).toBe(a);
    expect(apply(parts, "after")).toBe(b);
  });
});

describe("clause diff", () => {
  const v1 = [
    "States should not conduct or knowingly support activity that harms CSIRTs.",
    "States should not use CSIRTs for malicious activity.",
    "States should report incidents to the secretariat within a year.",
    "This norm is reviewed every five years.",
  ];

  it("numbers clauses, keeps word marks for a small edit and shows a rewritten clause as old then new", () => {
    const v2 = [
      "States should not conduct or intentionally support activity that harms CSIRTs.",
      "States should not use CSIRTs for malicious activity.",
      "Each state publishes a yearly account of attacks on its emergency teams and what it did about them.",
      "CSIRTs may ask for help from other states.",
      "This norm is reviewed every five years.",
    ];
    const changes = diffClauses(v1, v2);
    expect(changes.map((c) => c.kind)).toEqual(["edited", "unchanged", "rewritten", "added", "unchanged"]);
    expect(changes[0]).toMatchObject({ from: 1, to: 1 });
    const edited = changes[0] as Extract<(typeof changes)[number], { kind: "edited" }>;
    expect(edited.parts).toContainEqual({ type: "delete", text: "knowingly" });
    expect(edited.parts).toContainEqual({ type: "insert", text: "intentionally" });
    expect(changes[2]).toEqual({ kind: "rewritten", from: 3, to: 3, before: v1[2], after: v2[2] });
    expect(changes[3]).toEqual({ kind: "added", to: 4, text: v2[3] });
    expect(changes[4]).toMatchObject({ kind: "unchanged", from: 4, to: 5 });
  });

  it("pairs an edited clause with its new wording even when a clause is inserted before it, and numbers a removed one in the old version", () => {
    const v2 = ["A new first clause about something else entirely.", v1[0]!.replace("knowingly", "intentionally"), v1[1]!, v1[3]!];
    const changes = diffClauses(v1, v2);
    expect(changes).toEqual([
      { kind: "added", to: 1, text: v2[0] },
      expect.objectContaining({ kind: "edited", from: 1, to: 2 }),
      { kind: "unchanged", from: 2, to: 3, text: v1[1] },
      { kind: "removed", from: 3, text: v1[2] },
      { kind: "unchanged", from: 4, to: 4, text: v1[3] },
    ]);
  });

  it("calls a clause rewritten when more than half of its words changed, and edited otherwise", () => {
    expect(isRewrite(diffWords("one two three four", "one two three five"))).toBe(false);
    expect(isRewrite(diffWords("one two three four", "one six seven eight"))).toBe(true);
    // Exactly half changed is still an edit.
    expect(isRewrite(diffWords("one two three four", "one two seven eight"))).toBe(false);
  });

  it("rebuilds both versions from the changes", () => {
    const v2 = ["Totally different.", v1[3]!, "Another."];
    const changes = diffClauses(v1, v2);
    const before = changes.flatMap((c) => (c.kind === "added" ? [] : c.kind === "rewritten" ? [c.before] : c.kind === "edited" ? [apply(c.parts, "before")] : [c.text]));
    const after = changes.flatMap((c) => (c.kind === "removed" ? [] : c.kind === "rewritten" ? [c.after] : c.kind === "edited" ? [apply(c.parts, "after")] : [c.text]));
    expect(before).toEqual(v1);
    expect(after).toEqual(v2);
  });
});
