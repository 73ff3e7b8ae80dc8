import path from "node:path";
import { type Font as FontkitFont, openSync } from "fontkit";
import PDFDocument from "pdfkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleSnapshot } from "./fixture";
import { reuseOpenedFonts } from "./pdfkit-fonts";
import { renderReportPdf } from "./render";

interface Doc {
  font(src: unknown, size?: number): Doc;
  _font: unknown;
  _fontCount: number;
}
const newDocument = () => new (PDFDocument as unknown as new () => Doc)();
const dejavu = () => openSync(path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSansCondensed.ttf")) as FontkitFont;

describe("fonts set by object (react-pdf's runs of text)", () => {
  afterEach(() => reuseOpenedFonts(true));

  const runs = (doc: Doc, face: unknown) => {
    doc.font(face, 10);
    const first = doc._font;
    doc.font("Helvetica", 9);
    doc.font(face, 12);
    doc.font(face);
    return first;
  };

  it("are opened once per document, not once per run, and keep pdfkit's numbering", () => {
    const face = dejavu();
    const opened = vi.spyOn(face, "createSubset");
    const doc = newDocument();
    const first = runs(doc, face);
    expect(doc._font).toBe(first);
    expect(opened).toHaveBeenCalledTimes(1);
    // The fonts' numbers (their names in the PDF) are those pdfkit gives without the reuse.
    reuseOpenedFonts(false);
    const plain = newDocument();
    runs(plain, dejavu());
    expect(doc._fontCount).toBe(plain._fontCount);
  });

  it("without the reuse, pdfkit opens the font again for every run", () => {
    reuseOpenedFonts(false);
    const face = dejavu();
    const opened = vi.spyOn(face, "createSubset");
    const doc = newDocument();
    doc.font(face, 10);
    doc.font(face, 12);
    expect(opened).toHaveBeenCalledTimes(2);
  });

  it("give the report the same bytes as pdfkit opening the font for every run", async () => {
    const { snapshot, hash } = sampleSnapshot();
    const reused = await renderReportPdf(snapshot, hash);
    reuseOpenedFonts(false);
    const reopened = await renderReportPdf(snapshot, hash);
    expect(reused.equals(reopened)).toBe(true);
  });
});
