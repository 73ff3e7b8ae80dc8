// Text helpers for the stock-take PDF. The report is set in the PDF standard fonts (no font files,
// no network), which only know the WinAnsi (Windows-1252) characters, so every string goes through
// `pdfSafe` first; and the narrative is light Markdown, which the PDF shows as plain paragraphs.

// The characters WinAnsi places in 0x80–0x9F, beyond Latin-1.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const isWinAnsi = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
};

// Close equivalents for characters that neither WinAnsi nor a compatibility decomposition covers.
const CLOSE: Record<string, string> = {
  "\t": " ",
  "\r": "",
  "\u2028": "\n",
  "\u2029": "\n",
  "\u200b": "",
  "\u200c": "",
  "\u200d": "",
  "\u2060": "",
  "\ufeff": "",
  "\u2002": " ",
  "\u2003": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "—",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u2035": "'",
  "\u201b": "'",
  "\u201f": '"',
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŀ: "L",
  ŀ: "l",
  ŉ: "'n",
  Ŋ: "N",
  ŋ: "n",
  Ə: "E",
  ə: "e",
  ẞ: "SS",
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "≈": "~",
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "⇒": "=>",
};

/**
 * The text with every character the standard fonts cannot draw replaced: accents dropped where
 * that leaves a drawable letter, a close ASCII stand-in where there is one, "?" otherwise.
 */
export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (isWinAnsi(ch)) out += ch;
    else if (ch in CLOSE) out += CLOSE[ch];
    else {
      const plain = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      if (plain === "") continue; // a lone combining mark
      out += [...plain].every(isWinAnsi) ? plain : "?";
    }
  }
  return out;
}

export type Block = { kind: "paragraph"; text: string } | { kind: "heading"; text: string } | { kind: "list"; items: string[] };

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** Inline Markdown markers removed: emphasis, code, links (their address kept in brackets), images. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1");
}

/**
 * Light Markdown as blocks: paragraphs split on blank lines, headings and lists recognised,
 * quote markers and rules dropped. No HTML is ever interpreted.
 */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.replace(/^\s{0,3}>\s?/, "").trimEnd())
      .filter((l) => l.trim() !== "" && !/^\s*([-*_])(\s*\1){2,}\s*$/.test(l));
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
      const heading = /^\s*#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) {
        flush();
        blocks.push({ kind: "heading", text: stripInline(heading[1]!) });
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

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** "23 November 2026", in UTC; accepts an ISO timestamp or a plain `YYYY-MM-DD` date. */
export const formatDate = (iso: string) => dateFormat.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso));
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));

export const percent = (n: number | null) => (n === null ? "–" : `${Math.round(n * 100)}%`);
export const decimal2 = (n: number | null) => (n === null ? "–" : n.toFixed(2));

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** The English name of an ISO 3166-1 country code, or the code itself where it has none. */
export function countryName(code: string | null): string {
  if (!code) return "–";
  try {
    return countryNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

// Advance widths (1/1000 em) of the printable ASCII characters in the standard Helvetica fonts,
// from their AFM files, so that a table can tell whether a cell fits on one line.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584,
  584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
  611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500,
  722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584,
  584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
  611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556,
  778, 556, 556, 500, 389, 280, 389, 584,
];
const OTHER_WIDTHS: Record<string, number> = { "–": 556, "—": 1000, "’": 278, "‘": 278, "“": 500, "”": 500, "•": 350, "…": 1000, "·": 278 };

function charWidth(ch: string, widths: number[]): number {
  const c = ch.codePointAt(0)!;
  if (c >= 32 && c <= 126) return widths[c - 32]!;
  if (ch in OTHER_WIDTHS) return OTHER_WIDTHS[ch]!;
  const base = ch.normalize("NFD")[0]!; // an accented letter is as wide as its letter
  const b = base.codePointAt(0)!;
  return b >= 32 && b <= 126 ? widths[b - 32]! : 1000;
}

/** The width in points of a line of text in Helvetica (or Helvetica-Bold), a little generous (no kerning). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const widths = bold ? HELVETICA_BOLD : HELVETICA;
  let units = 0;
  for (const ch of text) units += charWidth(ch, widths);
  return (units * fontSize) / 1000;
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
