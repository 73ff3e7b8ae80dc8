// The fallback faces in app/globals.css are the ones scripts/font-fallback.ts computes from the
// fonts' files, and the font stack uses them right after Source Sans 3 (docs/performance.md,
// "Fallback faces the size of Source Sans"). The widths are weighed by the characters of the English
// messages, so an edit to a message moves the computed numbers by a few hundredths of a percent:
// they are held to within a quarter of a percentage point, which a face edited by hand, another
// Source Sans or another fallback font would not stay within. Print the rules again when it fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fallbackFaces } from "../scripts/font-fallback";

const css = readFileSync(path.join(import.meta.dirname, "../app/globals.css"), "utf8");

/** The fallback @font-face rules as written in globals.css. */
function writtenFaces() {
  return [...css.matchAll(/@font-face \{([^}]*)\}/g)]
    .map((m) => Object.fromEntries(m[1]!.split(";").map((d) => d.trim()).filter(Boolean).map((d) => [d.slice(0, d.indexOf(":")).trim(), d.slice(d.indexOf(":") + 1).trim()])))
    .filter((face) => /Fallback/.test(face["font-family"] ?? ""));
}

describe("fallback font faces", () => {
  it("are in globals.css with the numbers the script computes from the fonts", () => {
    const computed = fallbackFaces();
    const written = writtenFaces();
    expect(written.map((f) => [f["font-family"], f["font-style"], f["font-weight"], f.src])).toEqual(
      computed.map((f) => [`"${f.family}"`, "normal", f.weights, f.src]),
    );
    computed.forEach((face, i) => {
      const rule = written[i]!;
      const pairs = [
        ["size-adjust", face.sizeAdjust],
        ["ascent-override", face.ascentOverride],
        ["descent-override", face.descentOverride],
        ["line-gap-override", face.lineGapOverride],
      ] as const;
      for (const [property, value] of pairs) {
        expect(rule[property], `${face.family} ${face.weights} ${property}`).toMatch(/^\d+\.\d\d%$/);
        expect(Math.abs(parseFloat(rule[property]!) - value), `${face.family} ${face.weights} ${property}: ${rule[property]} written, ${value.toFixed(2)}% computed`).toBeLessThan(0.25);
      }
    });
  });

  it("come right after Source Sans 3 in the sans-serif stack", () => {
    const stack = /--font-sans:([^;]*);/.exec(css)?.[1]?.split(",").map((f) => f.trim());
    expect(stack?.slice(0, 4)).toEqual(['"Source Sans 3 Variable"', '"Source Sans 3"', '"Source Sans 3 Fallback Arial"', '"Source Sans 3 Fallback DejaVu"']);
  });

  it("scale the system faces down to Source Sans's narrower width, and give its ascent and descent", () => {
    const faces = fallbackFaces();
    expect(faces).toHaveLength(6);
    for (const face of faces) {
      // Source Sans is narrower than Arial and much narrower than DejaVu Sans.
      expect(face.sizeAdjust).toBeGreaterThan(70);
      expect(face.sizeAdjust).toBeLessThan(100);
      // Its ascent 1024 and descent 400 per 1000 units, and no line gap, over the size adjustment.
      expect(face.ascentOverride).toBeCloseTo((102.4 / face.sizeAdjust) * 100, 6);
      expect(face.descentOverride).toBeCloseTo((40 / face.sizeAdjust) * 100, 6);
      expect(face.lineGapOverride).toBe(0);
    }
  });
});
