// The report's typefaces, read from local npm packages (no network): DejaVu Sans Condensed for
// Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian and Georgian, with Noto Sans SC after it for
// Chinese (and the Japanese kana it carries), and DejaVu Sans Mono for the hash. Names of
// organisations and places from every region print as written, not transliterated. fontkit, which
// react-pdf itself lays text out with, measures text for the tables and tells which characters the
// fonts can draw.
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { type Font as FontkitFont, openSync } from "fontkit";

const SANS_FAMILY = "DejaVu Sans Condensed";
const CJK_FAMILY = "Noto Sans SC";
/** The body face and its fallback: react-pdf takes each character from the first face that has it. */
export const SANS = [SANS_FAMILY, CJK_FAMILY];
export const MONO = "DejaVu Sans Mono";

// Resolved from the project's folder: the renderer also runs inside the Next server bundle, where
// module-relative paths point into the build output.
const modules = path.join(process.cwd(), "node_modules");
const dejavu = path.join(modules, "dejavu-fonts-ttf", "ttf");
const noto = path.join(modules, "@expo-google-fonts", "noto-sans-sc");
const files = {
  // The condensed cut sets about as wide as Helvetica, so that the tables' columns hold their headings.
  regular: path.join(dejavu, "DejaVuSansCondensed.ttf"),
  bold: path.join(dejavu, "DejaVuSansCondensed-Bold.ttf"),
  mono: path.join(dejavu, "DejaVuSansMono.ttf"),
  cjkRegular: path.join(noto, "400Regular", "NotoSansSC_400Regular.ttf"),
  cjkBold: path.join(noto, "700Bold", "NotoSansSC_700Bold.ttf"),
} as const;
type Face = keyof typeof files;

let registered = false;

/** Registers the report's fonts with react-pdf, once per process. */
export function registerReportFonts() {
  if (registered) return;
  Font.register({ family: SANS_FAMILY, fonts: [{ src: files.regular }, { src: files.bold, fontWeight: 700 }] });
  Font.register({ family: CJK_FAMILY, fonts: [{ src: files.cjkRegular }, { src: files.cjkBold, fontWeight: 700 }] });
  Font.register({ family: MONO, src: files.mono });
  registered = true;
}

const opened = new Map<Face, FontkitFont>();
function font(face: Face): FontkitFont {
  let f = opened.get(face);
  if (!f) {
    f = openSync(files[face]) as FontkitFont;
    opened.set(face, f);
  }
  return f;
}

const has = (face: Face, codePoint: number) => font(face).hasGlyphForCodePoint(codePoint);
/** Which face of the stack draws a character, in regular and bold alike; null if none does. */
function faceFor(codePoint: number): "latin" | "cjk" | null {
  if (has("regular", codePoint) && has("bold", codePoint)) return "latin";
  if (has("cjkRegular", codePoint) && has("cjkBold", codePoint)) return "cjk";
  return null;
}

/** Whether the report's body faces can draw this character. */
export function drawable(codePoint: number): boolean {
  return faceFor(codePoint) !== null;
}

/** The advance width in points of one line of text in the body face (regular or bold), with kerning. */
export function measure(text: string, fontSize: number, bold = false): number {
  // Runs of characters from one face, measured in that face.
  let width = 0;
  let run = "";
  let runFace: "latin" | "cjk" = "latin";
  const flush = () => {
    if (!run) return;
    const f = font(runFace === "latin" ? (bold ? "bold" : "regular") : bold ? "cjkBold" : "cjkRegular");
    width += (f.layout(run).advanceWidth * fontSize) / f.unitsPerEm;
    run = "";
  };
  for (const ch of text) {
    const face = faceFor(ch.codePointAt(0)!) ?? "latin";
    if (face !== runFace) {
      flush();
      runFace = face;
    }
    run += ch;
  }
  flush();
  return width;
}
