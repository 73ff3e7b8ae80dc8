// Test helper: the text drawn on each page of a PDF that react-pdf wrote with the standard fonts.
// Not a PDF parser: it inflates the content streams in file order, follows the q/Q/cm/Tm operators
// far enough to know each string's baseline, and decodes the hex strings of TJ/Tj, which is all
// these files use. Strings drawn one after another on the same baseline are joined; others are
// put on separate lines.
import { inflateSync } from "node:zlib";
import { textWidth } from "./text";

// WinAnsi is Latin-1 but for 0x80–0x9F (Node's TextDecoder treats "windows-1252" as Latin-1).
const WIN_ANSI_80 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80] : String.fromCharCode(b))).join("");

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const matrix = (line: string) => line.split(/\s+/).slice(0, 6).map(Number) as Matrix;

/** How wide a string is in the named standard font (kerning ignored, so a little generous). */
function width(text: string, font: string, size: number): number {
  if (font.startsWith("Courier")) return text.length * 0.6 * size;
  return textWidth(text, size, font.includes("Bold"));
}

function pageText(content: string, fonts: Map<string, string>): string {
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  let tm = IDENTITY;
  let size = 10;
  let font = "Helvetica";
  let out = "";
  let last: { x: number; y: number; end: number } | null = null;
  for (const line of content.split("\n")) {
    if (line === "q") stack.push(ctm);
    else if (line === "Q") ctm = stack.pop() ?? IDENTITY;
    else if (line.endsWith(" cm")) ctm = multiply(matrix(line), ctm);
    else if (line.endsWith(" Tm")) tm = matrix(line);
    else if (line.endsWith(" Tf")) {
      const [name, points] = line.split(" ");
      font = fonts.get(name!.slice(1)) ?? "Helvetica";
      size = Number(points);
    }
    else if (/\bT[Jj]$/.test(line)) {
      const hex = [...line.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("");
      const text = winAnsi(Buffer.from(hex, "hex"));
      const [, , , , x, y] = multiply(tm, ctm).map((n) => Math.round(n * 10) / 10);
      // On the same baseline, a string that starts beyond where the last one ended is in another
      // box (a table cell, the footer): keep a space between them.
      const sep = !last ? "" : y !== last.y ? "\n" : x! > last.end ? " " : "";
      out += sep + text;
      last = { x: x!, y: y!, end: x! + width(text, font, size) + 1 };
    }
  }
  return out;
}

export function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  // Font resource names (F1, F2…) are the same on every page in react-pdf's files.
  const objects = new Map([...raw.matchAll(/(\d+) 0 obj\s*<<[^>]*?\/BaseFont \/([\w-]+)/g)].map((m) => [m[1]!, m[2]!]));
  const fonts = new Map([...raw.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((m) => [m[1]!, objects.get(m[2]!) ?? "Helvetica"]));
  const pages: string[] = [];
  const streams = /<<([^>]*?(?:<<[^>]*>>[^>]*?)*)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    const bytes = pdf.subarray(start, end);
    const content = (/\/FlateDecode/.test(m[1]!) ? inflateSync(bytes) : bytes).toString("latin1");
    if (/\bBT\b/.test(content)) pages.push(pageText(content, fonts));
  }
  return pages;
}
