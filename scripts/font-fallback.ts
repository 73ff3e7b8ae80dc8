// `npx tsx scripts/font-fallback.ts`: prints the fallback @font-face rules of app/globals.css, computed
// from the fonts' own files, so that text set in a system face before Source Sans 3 has loaded takes
// (on average) the room it will take in Source Sans: the header keeps its rows and nothing moves
// when the web font arrives (docs/performance.md, "Lighthouse").
//
// - Widths: the advance of every character of the site's English messages (messages/en/*.json),
//   each counted as often as it occurs there, in Source Sans 3 at the weight used (its variable
//   woff2, read with fontkit: the default instance plus the HVAR delta at that weight) and in the
//   fallback face. `size-adjust` is their ratio.
// - Heights: Source Sans 3's own ascent, descent and line gap (hhea; its OS/2 typo metrics are the
//   same and USE_TYPO_METRICS is set) over its units per em, divided by `size-adjust`, since the
//   overrides apply to the adjusted size.
// - Fallback faces: Arial, whose advances are Helvetica's by design (Adobe's Helvetica AFM, in
//   pdfkit), and Liberation Sans, metric-compatible with Arial (Windows, macOS, most Linux
//   desktops); DejaVu Sans, from the dejavu-fonts-ttf package (Debian's default sans-serif, and this
//   machine's). Regular for weights up to 500, Bold for 600 (font-semibold) and for 700–900, each
//   with the size of Source Sans at that weight.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

const root = path.resolve(import.meta.dirname, "..");
const sourceSansFile = path.join(root, "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2");

/** Every character of the English messages' strings, with how often it occurs. */
export function messageCharacters(): Map<number, number> {
  const counts = new Map<number, number>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      // ICU placeholders and tags are not shown as written.
      for (const ch of value.replace(/\{[^{}]*\}/g, " ").replace(/<\/?\w+>/g, "")) {
        const cp = ch.codePointAt(0)!;
        counts.set(cp, (counts.get(cp) ?? 0) + 1);
      }
    } else if (value && typeof value === "object") for (const v of Object.values(value)) walk(v);
  };
  const dir = path.join(root, "messages/en");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) walk(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
  return counts;
}

/** Advance width in em of a character, or null where the face has no glyph for it. */
type Advance = (codePoint: number) => number | null;

function sourceSans(weight: number): Advance {
  const base = fontkit.openSync(sourceSansFile) as fontkit.Font;
  // fontkit cannot decode a variable WOFF2's glyphs at another instance (getVariation), but its
  // variation processor gives the advance's HVAR delta for the normalised weight (avar applied).
  const varied = fontkit.openSync(sourceSansFile) as fontkit.Font & { variationCoords: number[] };
  varied.variationCoords = [weight];
  const internals = varied as unknown as { _variationProcessor: { getAdvanceAdjustment(gid: number, table: unknown): number }; HVAR: unknown };
  return (cp) => {
    if (!base.hasGlyphForCodePoint(cp)) return null;
    const glyph = base.glyphForCodePoint(cp);
    return (glyph.advanceWidth + internals._variationProcessor.getAdvanceAdjustment(glyph.id, internals.HVAR)) / base.unitsPerEm;
  };
}

function trueType(file: string): Advance {
  const font = fontkit.openSync(path.join(root, file)) as fontkit.Font;
  return (cp) => (font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm : null);
}

/** Adobe's AFM of Helvetica: widths in 1/1000 em by character name; the characters by Unicode. */
function afm(file: string): Advance {
  const byName = new Map<string, number>();
  for (const line of readFileSync(path.join(root, file), "latin1").split("\n")) {
    const match = /^C -?\d+ ; WX (\d+) ; N (\S+) ;/.exec(line);
    if (match) byName.set(match[2]!, Number(match[1]) / 1000);
  }
  // The glyph names of the Adobe Glyph List for what the messages use beyond ASCII letters and digits.
  const names: Record<number, string> = {
    0x20: "space", 0x21: "exclam", 0x22: "quotedbl", 0x23: "numbersign", 0x24: "dollar", 0x25: "percent", 0x26: "ampersand",
    0x27: "quotesingle", 0x28: "parenleft", 0x29: "parenright", 0x2a: "asterisk", 0x2b: "plus", 0x2c: "comma", 0x2d: "hyphen",
    0x2e: "period", 0x2f: "slash", 0x3a: "colon", 0x3b: "semicolon", 0x3c: "less", 0x3d: "equal", 0x3e: "greater",
    0x3f: "question", 0x40: "at", 0x5b: "bracketleft", 0x5c: "backslash", 0x5d: "bracketright", 0x5f: "underscore",
    0x7c: "bar", 0xa0: "space", 0xa9: "copyright", 0xb7: "periodcentered", 0xd7: "multiply", 0xe9: "eacute",
    0x2013: "endash", 0x2014: "emdash", 0x2018: "quoteleft", 0x2019: "quoteright", 0x201c: "quotedblleft",
    0x201d: "quotedblright", 0x2022: "bullet", 0x2026: "ellipsis", 0x2192: "arrowright",
  };
  const digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
  return (cp) => {
    const ch = String.fromCodePoint(cp);
    const name = /[A-Za-z]/.test(ch) ? ch : /[0-9]/.test(ch) ? digits[Number(ch)]! : names[cp];
    return name === undefined ? null : (byName.get(name) ?? null);
  };
}

/** Average advance over the characters both faces have, each weighted by its count. */
function ratio(web: Advance, fallback: Advance, counts: Map<number, number>) {
  let webTotal = 0;
  let fallbackTotal = 0;
  let covered = 0;
  let all = 0;
  for (const [cp, n] of counts) {
    if (cp < 0x20) continue;
    all += n;
    const a = web(cp);
    const b = fallback(cp);
    if (a === null || b === null) continue;
    webTotal += a * n;
    fallbackTotal += b * n;
    covered += n;
  }
  return { sizeAdjust: webTotal / fallbackTotal, coverage: covered / all };
}

const fallbacks = [
  {
    family: "Source Sans 3 Fallback Arial",
    regular: { local: ["Arial", "ArialMT", "Liberation Sans", "LiberationSans"], widths: afm("node_modules/pdfkit/js/data/Helvetica.afm") },
    bold: { local: ["Arial Bold", "Arial-BoldMT", "Liberation Sans Bold", "LiberationSans-Bold"], widths: afm("node_modules/pdfkit/js/data/Helvetica-Bold.afm") },
  },
  {
    family: "Source Sans 3 Fallback DejaVu",
    regular: { local: ["DejaVu Sans", "DejaVuSans"], widths: trueType("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf") },
    bold: { local: ["DejaVu Sans Bold", "DejaVuSans-Bold"], widths: trueType("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf") },
  },
];

export interface FallbackFace {
  family: string;
  weights: string;
  src: string;
  /** Percentages, as written in the rule. */
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

/** Each fallback face with its numbers, computed from the font files and the messages as they are now. */
export function fallbackFaces(): FallbackFace[] {
  const counts = messageCharacters();
  const font = fontkit.openSync(sourceSansFile) as fontkit.Font;
  const { ascent, descent, lineGap, unitsPerEm } = font;
  const faces: FallbackFace[] = [];
  for (const fallback of fallbacks) {
    for (const [weights, face, sourceWeight] of [
      ["100 500", fallback.regular, 400],
      ["600", fallback.bold, 600],
      ["700 900", fallback.bold, 700],
    ] as const) {
      const { sizeAdjust } = ratio(sourceSans(sourceWeight), face.widths, counts);
      faces.push({
        family: fallback.family,
        weights,
        src: face.local.map((name) => `local("${name}")`).join(", "),
        sizeAdjust: sizeAdjust * 100,
        ascentOverride: (ascent / unitsPerEm / sizeAdjust) * 100,
        descentOverride: (-descent / unitsPerEm / sizeAdjust) * 100,
        lineGapOverride: (lineGap / unitsPerEm / sizeAdjust) * 100,
      });
    }
  }
  return faces;
}

/** The rules for app/globals.css. */
export function fallbackFontFaces(): string {
  const percent = (value: number) => `${value.toFixed(2)}%`;
  return fallbackFaces()
    .map((face) =>
      [
        "@font-face {",
        `  font-family: "${face.family}";`,
        "  font-style: normal;",
        `  font-weight: ${face.weights};`,
        `  src: ${face.src};`,
        `  size-adjust: ${percent(face.sizeAdjust)};`,
        `  ascent-override: ${percent(face.ascentOverride)};`,
        `  descent-override: ${percent(face.descentOverride)};`,
        `  line-gap-override: ${percent(face.lineGapOverride)};`,
        "}",
      ].join("\n"),
    )
    .join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const counts = messageCharacters();
  for (const fallback of fallbacks)
    for (const [name, face, weight] of [["regular", fallback.regular, 400], ["bold", fallback.bold, 600], ["bold", fallback.bold, 700]] as const) {
      const { sizeAdjust, coverage } = ratio(sourceSans(weight), face.widths, counts);
      console.error(`${fallback.family} ${name} vs Source Sans ${weight}: size-adjust ${(sizeAdjust * 100).toFixed(2)}%, characters covered ${(coverage * 100).toFixed(2)}%`);
    }
  console.log(fallbackFontFaces());
}
