// Text helpers for the stock-take PDF. The report is set in DejaVu Sans Condensed (see fonts.ts), which
// draws most of the world's alphabetic scripts; `pdfSafe` keeps every character it can draw and
// stands in for the rest (emoji, and scripts it lacks such as Chinese) rather than print an empty
// box. The narrative is light Markdown, which the PDF shows as plain paragraphs.
import { drawable, measure } from "./fonts";

// Invisible or layout characters, always replaced: tabs, carriage returns, zero-width spaces, odd
// spaces. The zero-width non-joiner and joiner (U+200C, U+200D) stay: Arabic (and Persian) words
// need them to join or part their letters as written, and the fonts shape them.
const ALWAYS: Record<string, string> = {
  "\t": " ",
  "\r": "",
  "\u2028": "\n",
  "\u2029": "\n",
  "\u200b": "",
  "\u2060": "",
  "\ufeff": "",
  "\u2002": " ",
  "\u2003": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
};

// Close equivalents for characters the fonts lack and no compatibility decomposition covers.
const CLOSE: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "—",
  "\u2212": "-",
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "≈": "~",
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "⇒": "=>",
};

const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c < 0xa0);

/**
 * The text with every character the report's fonts cannot draw replaced: a close stand-in where
 * there is one, the letter without its accent where that is drawable, "?" otherwise.
 */
export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const c = ch.codePointAt(0)!;
    if (ch === "\n") out += ch;
    else if (ch in ALWAYS) out += ALWAYS[ch];
    else if (isControl(c)) continue;
    else if (drawable(c)) out += ch;
    else if (ch in CLOSE) out += CLOSE[ch];
    else {
      const plain = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      if (plain === "") continue; // a lone combining mark
      out += [...plain].every((p) => drawable(p.codePointAt(0)!)) ? plain : "?";
    }
  }
  return out;
}

export type Block = { kind: "paragraph"; text: string } | { kind: "heading"; text: string } | { kind: "list"; items: string[] };

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

// Every pattern below runs over user text (statements, observations, narratives of up to 20,000
// characters), so none may backtrack more than a bounded amount per position: no nested or adjacent
// unbounded quantifiers that can match the same characters, and the spans a marker may enclose are
// bounded (500 characters for a label or an emphasis, 2,000 for an address), so a text full of unclosed
// markers costs a bounded number of steps per character (tests/regex-safety.test.ts). Emphasis over a
// longer span simply keeps its markers.

/** Inline Markdown markers removed: emphasis, code, links (their address kept in brackets), images. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]{0,500})\]\([^)]{0,2000}\)/g, "$1")
    .replace(/\[([^\]]{1,500})\]\(([^)\s]{1,2000})(?:[ \t]{1,20}"[^"]{0,500}")?\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<((?:https?|mailto):[^>\s]{1,2000})>/g, "$1")
    .replace(/`([^`]{1,500})`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]{0,500}?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]{0,500}?\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]{0,500}?\S)_(?!\w)/g, "$1$2")
    .replace(/~~(?=\S)([\s\S]{0,500}?\S)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1");
}

/** An ATX heading's text ("## Title ##" gives "Title"), or null when the line is not a heading. */
function headingText(line: string): string | null {
  // Anchored, and the leading spaces cannot match "#": at most one way to match.
  const open = /^\s*#{1,6}\s/.exec(line);
  if (!open) return null;
  let text = line.slice(open[0].length).trim();
  // A closing run of "#" counts only after a space (CommonMark), so "C#" keeps its sign.
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end === 0 || /\s/.test(text[end - 1]!)) text = text.slice(0, end).trimEnd();
  return text;
}

/** A thematic break: three or more of one of "-", "*", "_", with any spaces between. */
const isRule = (line: string) => /^([-*_])\1{2,}$/.test(line.replace(/\s+/g, ""));

/** Paragraph chunks: runs of lines separated by one or more blank (whitespace-only) lines. */
function chunksOf(text: string): string[][] {
  const chunks: string[][] = [[]];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim() === "") {
      if (chunks.at(-1)!.length) chunks.push([]);
    } else chunks.at(-1)!.push(line);
  }
  return chunks;
}

/**
 * Light Markdown as blocks: paragraphs split on blank lines, headings and lists recognised,
 * quote markers and rules dropped. No HTML is ever interpreted.
 */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of chunksOf(text)) {
    const lines = chunk.map((l) => l.replace(/^\s{0,3}>\s?/, "").trimEnd()).filter((l) => l.trim() !== "" && !isRule(l));
    if (lines.length === 0) continue;
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: "paragraph", text: stripInline(paragraph.join(" ").replace(/\s+/g, " ").trim()) });
      if (list.length) blocks.push({ kind: "list", items: list.map((i) => stripInline(i.trim())) });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      const heading = headingText(line);
      if (heading !== null) {
        flush();
        blocks.push({ kind: "heading", text: stripInline(heading) });
      } else if (LIST_ITEM.test(line)) {
        if (paragraph.length) flush();
        list.push(line.replace(LIST_ITEM, ""));
      } else if (list.length && /^\s+\S/.test(line)) {
        list[list.length - 1] += ` ${line.trim()}`; // a list item continued on the next line
      } else {
        if (list.length) flush();
        paragraph.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}

const widths = new Map<string, number>();

/**
 * The width in points of a line of text in the report's sans-serif face (or its bold). Shaping a
 * line with the fonts is the costly part, and tables repeat their cells (stakeholder types,
 * regions, countries), so widths are remembered (a bounded cache, emptied when full).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const key = `${fontSize}|${bold ? 1 : 0}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size >= 50_000) widths.clear();
    width = measure(text, fontSize, bold);
    widths.set(key, width);
  }
  return width;
}

/** The text, cut at a word with "…" if it is wider than `width` points. */
export function truncateToWidth(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const words = text.split(" ");
  while (words.length > 1) {
    words.pop();
    const cut = `${words.join(" ").replace(/[\s,;:.–-]+$/, "")}…`;
    if (textWidth(cut, fontSize, bold) <= width) return cut;
  }
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize, bold) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
