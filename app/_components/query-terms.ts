// Finding a search's words in a text, to mark them on the page. The words come from the address, so
// each is escaped and the pattern is a plain alternation of literal strings: it looks at each
// character of the text a bounded number of times (no nested quantifiers, no backtracking blow-up).

/** At most this many words of a query are marked, each of at most this many characters. */
const MAX_TERMS = 10;
const MAX_TERM_LENGTH = 100;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The words of a query worth marking: split on spaces, quotes and operators dropped, two letters or more, longest first. */
export function queryTerms(q: string): string[] {
  const words = q
    .slice(0, MAX_TERMS * (MAX_TERM_LENGTH + 1))
    .split(/\s+/)
    // Cut before trimming quotes: the trailing-quote pattern is quadratic at worst, on at most 100 characters.
    .map((w) => w.slice(0, MAX_TERM_LENGTH).replace(/^[-"'“”‘’(]+|["'“”‘’)]+$/g, "").toLowerCase())
    .filter((w) => w.length >= 2 && w !== "or" && w !== "and");
  return [...new Set(words)].slice(0, MAX_TERMS).sort((a, b) => b.length - a.length);
}

export type TextPart = { text: string; match: boolean };

/** The text cut into parts, the parts that are one of the query's words (any case) flagged as matches. */
export function markTerms(text: string, q: string): TextPart[] {
  const terms = queryTerms(q);
  if (!terms.length || !text) return text ? [{ text, match: false }] : [];
  const pattern = new RegExp(terms.map(escapeRegExp).join("|"), "giu");
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: m[0], match: true });
    last = start + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/**
 * At most `max` characters of a text for a result list, cut at a word and ending with "…"; when the
 * first match of the query lies beyond what would show, the excerpt starts shortly before it.
 */
export function excerptAround(text: string, q: string, max = 180): string {
  if (text.length <= max) return text;
  const parts = markTerms(text, q);
  const index = parts.findIndex((p) => p.match);
  let start = 0;
  if (index !== -1) {
    const at = parts.slice(0, index).reduce((n, p) => n + p.text.length, 0);
    if (at + parts[index]!.text.length > max - 20) {
      const from = Math.max(0, at - 60);
      const space = text.indexOf(" ", from);
      start = space !== -1 && space < at ? space + 1 : from;
    }
  }
  const end = start + max;
  let cut = text.slice(start, end);
  if (end < text.length) {
    const space = cut.lastIndexOf(" ");
    if (space > max / 2) cut = cut.slice(0, space);
  }
  return `${start > 0 ? "…" : ""}${cut}${end < text.length ? "…" : ""}`;
}
