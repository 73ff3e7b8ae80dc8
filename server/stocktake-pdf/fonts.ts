// The report's typefaces: DejaVu Sans Condensed and DejaVu Sans Mono, read from the local npm package (no
// network). They draw Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian and Georgian, so that the
// names of organisations and places from every region print as written, not transliterated.
// fontkit, which react-pdf itself lays text out with, measures text for the tables and tells which
// characters the fonts can draw.
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { type Font as FontkitFont, openSync } from "fontkit";

export const SANS = "DejaVu Sans";
export const MONO = "DejaVu Sans Mono";

// Resolved from the project's folder: the renderer also runs inside the Next server bundle, where
// module-relative paths point into the build output.
const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const files = {
  // The condensed cut sets about as wide as Helvetica, so that the tables' columns hold their headings.
  regular: path.join(dir, "DejaVuSansCondensed.ttf"),
  bold: path.join(dir, "DejaVuSansCondensed-Bold.ttf"),
  mono: path.join(dir, "DejaVuSansMono.ttf"),
} as const;

let registered = false;

/** Registers the report's fonts with react-pdf, once per process. */
export function registerReportFonts() {
  if (registered) return;
  Font.register({ family: SANS, fonts: [{ src: files.regular }, { src: files.bold, fontWeight: 700 }] });
  Font.register({ family: MONO, src: files.mono });
  registered = true;
}

const opened = new Map<keyof typeof files, FontkitFont>();
function font(which: keyof typeof files): FontkitFont {
  let f = opened.get(which);
  if (!f) {
    f = openSync(files[which]) as FontkitFont;
    opened.set(which, f);
  }
  return f;
}

/** Whether every face of the report (regular, bold and mono) has a glyph for this character. */
export function drawable(codePoint: number): boolean {
  return font("regular").hasGlyphForCodePoint(codePoint) && font("bold").hasGlyphForCodePoint(codePoint);
}

/** The advance width in points of one line of text in the sans-serif face (regular or bold), with kerning. */
export function measure(text: string, fontSize: number, bold = false): number {
  const f = font(bold ? "bold" : "regular");
  return (f.layout(text).advanceWidth * fontSize) / f.unitsPerEm;
}
