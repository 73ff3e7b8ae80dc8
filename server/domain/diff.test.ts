import { describe, expect, it } from "vitest";
import { diffStats, diffWords, tokenize } from "./diff";

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
