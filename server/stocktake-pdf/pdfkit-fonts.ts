// react-pdf draws each run of text by handing pdfkit the run's fontkit font object. pdfkit can only
// look fonts up by name, so for every run it opens the font again (a new subset, metrics read) and
// then finds it is one it has by comparing the two fonts' name tables serialised as JSON — DejaVu's
// holds its licence, so a 176-page report spent 0.6 s of its 7–9 s on that comparison alone
// (docs/performance.md, "The PDF: fonts set once per run"). This remembers, per document, what each
// font object was opened as, and gives that back: the font pdfkit would have ended with.
//
// The bytes do not change: a run that finds its font here still uses up the font number pdfkit
// would have given the copy it opened and dropped, so the fonts keep their resource names
// (server/stocktake-pdf/render.test.ts compares the report with and without this).
import PDFDocument from "pdfkit";

type FontFn = (this: PdfkitDocument, src: unknown, family?: unknown, size?: unknown) => PdfkitDocument;
interface PdfkitDocument {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontCount: number;
  fontSize(size: unknown): PdfkitDocument;
  [OPENED]?: WeakMap<object, unknown>;
}

const OPENED = Symbol("norms-forum.openedFonts");
const proto = (PDFDocument as unknown as { prototype: PdfkitDocument & { font: FontFn; [PATCHED]?: boolean } }).prototype;
const PATCHED = Symbol.for("norms-forum.pdfkitFontCache");

let enabled = true;

/** Whether runs reuse the font they were first opened as (on by default; tests turn it off to compare). */
export function reuseOpenedFonts(on: boolean) {
  enabled = on;
}

if (typeof proto.font === "function" && !proto[PATCHED]) {
  const open = proto.font;
  proto.font = function font(this: PdfkitDocument, src: unknown, family?: unknown, size?: unknown) {
    // Only a font object with no family name: every other call is pdfkit's own lookup by name.
    const byObject = enabled && typeof src === "object" && src !== null && (family == null || typeof family === "number");
    if (!byObject) return open.call(this, src, family, size);
    const opened = (this[OPENED] ??= new WeakMap());
    const known = opened.get(src);
    if (known === undefined) {
      open.call(this, src, family, size);
      opened.set(src, this._font);
      return this;
    }
    const fontSize = typeof family === "number" ? family : size;
    this._fontSource = src;
    this._fontFamily = null;
    if (fontSize != null) this.fontSize(fontSize);
    // The number pdfkit gives every font it opens, whether it keeps it or not.
    this._fontCount += 1;
    this._font = known;
    return this;
  };
  proto[PATCHED] = true;
}
