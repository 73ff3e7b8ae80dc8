// The fallback faces in app/globals.css are the ones scripts/font-fallback.ts computes from the
// fonts' files, and the font stack uses them right after Source Sans 3 (docs/performance.md,
// "Lighthouse"): a face edited by hand, or a new message alphabet or a Source Sans update that
// changes the numbers, fails here until the rules are printed again.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fallbackFontFaces } from "../scripts/font-fallback";

const css = readFileSync(path.join(import.meta.dirname, "../app/globals.css"), "utf8");

describe("fallback font faces", () => {
  it("are in globals.css as the script prints them", () => {
    expect(css).toContain(fallbackFontFaces());
  });

  it("come right after Source Sans 3 in the sans-serif stack", () => {
    const stack = /--font-sans:([^;]*);/.exec(css)?.[1]?.split(",").map((f) => f.trim());
    expect(stack?.slice(0, 4)).toEqual(['"Source Sans 3 Variable"', '"Source Sans 3"', '"Source Sans 3 Fallback Arial"', '"Source Sans 3 Fallback DejaVu"']);
  });

  it("scale the system faces down to Source Sans's narrower width, and give its ascent and descent", () => {
    const faces = fallbackFontFaces();
    const sizes = [...faces.matchAll(/size-adjust: ([\d.]+)%/g)].map((m) => Number(m[1]));
    expect(sizes).toHaveLength(6);
    // Source Sans is narrower than Arial and much narrower than DejaVu Sans.
    for (const size of sizes) {
      expect(size).toBeGreaterThan(70);
      expect(size).toBeLessThan(100);
    }
    // ascent 1024 and descent 400 per 1000 units, over the size adjustment
    const first = /size-adjust: ([\d.]+)%;\n\s+ascent-override: ([\d.]+)%;\n\s+descent-override: ([\d.]+)%/.exec(faces)!;
    expect(Number(first[2])).toBeCloseTo((102.4 / Number(first[1])) * 100, 1);
    expect(Number(first[3])).toBeCloseTo((40 / Number(first[1])) * 100, 1);
  });
});
