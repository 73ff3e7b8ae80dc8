import { describe, expect, it } from "vitest";
import { glossaryMatcher } from "./link";

const matcher = glossaryMatcher([
  { slug: "ict", phrases: ["ICT", "ICTs", "information and communications technology"] },
  { slug: "critical-infrastructure", phrases: ["critical infrastructure", "critical infrastructures"] },
  { slug: "infrastructure", phrases: ["infrastructure"] },
  { slug: "cert-csirt", phrases: ["CERT", "CSIRT", "computer emergency response team"] },
  { slug: "supply-chain", phrases: ["supply chain", "supply-chain"] },
]);

const links = (text: string) => matcher.link(text).filter((s) => s.slug);

describe("the glossary linker", () => {
  it("links the first use of a term only, keeping the text whole", () => {
    const text = "States should protect ICT; ICT products are everywhere.";
    const segments = matcher.link(text);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(links(text)).toEqual([{ text: "ICT", slug: "ict" }]);
    expect(segments[1]).toEqual({ text: "ICT", slug: "ict" });
  });

  it("matches whole words only, never inside other words", () => {
    expect(links("The victim's concert was infrastructural.")).toEqual([]);
    expect(links("ICTX and CERTAIN things, uncritical")).toEqual([]);
  });

  it("is case-insensitive and keeps the text's own case", () => {
    expect(links("Respect the ict of others")).toEqual([{ text: "ict", slug: "ict" }]);
  });

  it("links through aliases, once per term whichever phrase is used", () => {
    expect(links("ICTs matter. Information and  communications technology matters.")).toEqual([{ text: "ICTs", slug: "ict" }]);
    expect(links("A national CSIRT and a CERT")).toEqual([{ text: "CSIRT", slug: "cert-csirt" }]);
  });

  it("prefers the longest term, and does not link a shorter term inside a longer one", () => {
    expect(links("Protect critical infrastructure and other infrastructure.")).toEqual([
      { text: "critical infrastructure", slug: "critical-infrastructure" },
      { text: "infrastructure", slug: "infrastructure" },
    ]);
    // Already linked: its second use is skipped whole, so "infrastructure" inside it stays plain.
    expect(links("critical infrastructure, then critical infrastructure")).toEqual([{ text: "critical infrastructure", slug: "critical-infrastructure" }]);
  });

  it("needs the punctuation between a term's words, and tolerates any white space", () => {
    expect(links("the supply-chain and the supply chain")).toEqual([{ text: "supply-chain", slug: "supply-chain" }]);
    expect(links("critical\ninfrastructure")).toEqual([{ text: "critical\ninfrastructure", slug: "critical-infrastructure" }]);
    expect(links("critical, infrastructure")).toEqual([{ text: "infrastructure", slug: "infrastructure" }]);
  });

  it("carries the terms already linked across the pieces of one clause", () => {
    const used = new Set<string>();
    expect(matcher.link("An ICT system", used).filter((s) => s.slug)).toHaveLength(1);
    expect(matcher.link("another ICT system", used).filter((s) => s.slug)).toEqual([]);
  });

  it("stays fast on long texts (linear in the text)", () => {
    const long = "critical ".repeat(50_000) + "infrastructure";
    const started = performance.now();
    expect(links(long)).toEqual([{ text: "critical infrastructure", slug: "critical-infrastructure" }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
