// Test helper: the text drawn on each page of a PDF that react-pdf wrote. Not a PDF parser: it
// inflates the content streams in file order, follows the q/Q/cm/Tm operators far enough to know
// each string's baseline, and decodes the hex strings of TJ/Tj, through each embedded font's
// ToUnicode map (two bytes a glyph) or as WinAnsi for the standard fonts, which is all these files
// use. Strings drawn one after another on the same baseline are joined; others are put on
// separate lines.
import { inflateSync } from "node:zlib";
import { textWidth } from "./text";

// WinAnsi is Latin-1 but for 0x80–0x9F (Node's TextDecoder treats "windows-1252" as Latin-1).
const WIN_ANSI_80 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80] : String.fromCharCode(b))).join("");

interface PdfFont {
  name: string;
  decode: (bytes: Buffer) => string;
}

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

/** How wide a string is in the named font (monospaced faces at 0.6 em a character). */
function width(text: string, font: string, size: number): number {
  if (/Mono|Courier/.test(font)) return text.length * 0.61 * size;
  return textWidth(text, size, font.includes("Bold"));
}

const standard: PdfFont = { name: "Helvetica", decode: winAnsi };

function pageText(content: string, fonts: Map<string, PdfFont>): string {
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  let tm = IDENTITY;
  let size = 10;
  let font = standard;
  let out = "";
  let last: { x: number; y: number; end: number } | null = null;
  for (const line of content.split("\n")) {
    if (line === "q") stack.push(ctm);
    else if (line === "Q") ctm = stack.pop() ?? IDENTITY;
    else if (line.endsWith(" cm")) ctm = multiply(matrix(line), ctm);
    else if (line.endsWith(" Tm")) tm = matrix(line);
    else if (line.endsWith(" Tf")) {
      const [name, points] = line.split(" ");
      font = fonts.get(name!.slice(1)) ?? standard;
      size = Number(points);
    }
    else if (/\bT[Jj]$/.test(line)) {
      const hex = [...line.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("");
      const text = font.decode(Buffer.from(hex, "hex"));
      const [, , , , x, y] = multiply(tm, ctm).map((n) => Math.round(n * 10) / 10);
      // On the same baseline, a string that starts beyond where the last one ended is in another
      // box (a table cell, the footer): keep a space between them.
      const sep = !last ? "" : y !== last.y ? "\n" : x! > last.end ? " " : "";
      out += sep + text;
      last = { x: x!, y: y!, end: x! + width(text, font.name, size) + 1 };
    }
  }
  return out;
}

const hexText = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** A ToUnicode CMap's glyph-to-text mappings (bfchar and bfrange, both forms). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, from, to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(from!, 16), hexText(to!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]*>)/g)) {
      const start = parseInt(lo!, 16);
      const end = parseInt(hi!, 16);
      if (rest!.startsWith("[")) [...rest!.matchAll(/<([0-9a-fA-F ]*)>/g)].forEach((m, i) => map.set(start + i, hexText(m[1]!.replace(/\s/g, ""))));
      else {
        const first = parseInt(rest!.slice(1, -1), 16);
        for (let code = start; code <= end; code++) map.set(code, String.fromCodePoint(first + code - start));
      }
    }
  }
  return map;
}

export function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const streamOf = (object: string): string | null => {
    const m = new RegExp(`(?:^|\\s)${object} 0 obj\\s*<<([^>]*?(?:<<[^>]*>>[^>]*?)*)>>\\s*stream\\r?\\n`).exec(raw);
    if (!m) return null;
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, raw.indexOf("endstream", start));
    return (/\/FlateDecode/.test(m[1]!) ? inflateSync(bytes) : bytes).toString("latin1");
  };
  // Font objects: the standard fonts by name; embedded (Type0) fonts with their ToUnicode map.
  const objects = new Map<string, PdfFont>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*<<([^>]*?\/BaseFont \/([\w+-]+)[^>]*?)>>/g)) {
    const [, id, body, name] = m;
    const unicode = /\/ToUnicode (\d+) 0 R/.exec(body!);
    if (unicode) {
      const map = toUnicode(streamOf(unicode[1]!) ?? "");
      objects.set(id!, { name: name!, decode: (bytes) => (bytes.toString("hex").match(/.{4}/g) ?? []).map((g) => map.get(parseInt(g, 16)) ?? "\ufffd").join("") });
    } else if (!/\/DescendantFonts|CIDFontType/.test(body!)) objects.set(id!, { name: name!, decode: winAnsi });
  }
  // Font resource names (F1, F2…) are the same on every page in react-pdf's files.
  const fonts = new Map([...raw.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((m) => [m[1]!, objects.get(m[2]!) ?? standard]));
  const pages: string[] = [];
  const streams = /<<([^>]*?(?:<<[^>]*>>[^>]*?)*)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = (/\/FlateDecode/.test(m[1]!) ? inflateSync(bytes) : bytes).toString("latin1");
    } catch {
      continue; // an embedded font file, not a content stream
    }
    if (/\bBT\b/.test(content) && !/begincmap/.test(content)) pages.push(pageText(content, fonts));
  }
  return pages;
}
