// Links the first use of each glossary term in a clause to its entry (issue 19). Computed when a
// page renders, never stored in the text. Linear in the text: the text is split into words once
// (one character class, no backtracking), and at each word a trie of the terms' words is walked
// for the longest term starting there; nothing is built from user input as a regular expression.
// Matching is case-insensitive and on whole words ("ICT" is not found inside "victim").

export interface GlossaryTermPhrases {
  slug: string;
  /** The term and its aliases, e.g. ["CERT", "CSIRT", "computer emergency response team"]. */
  phrases: readonly string[];
}

export type GlossarySegment = { text: string; slug?: undefined } | { text: string; slug: string };

interface Node {
  next: Map<string, Node>;
  slug?: string;
}

// A word: letters and digits (any script). What lies between two words must match exactly, but
// for runs of white space, which count as one space.
const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string) {
  const out: { start: number; end: number; word: string }[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, word: m[0].toLocaleLowerCase("en") });
  return out;
}

const gap = (s: string) => s.replace(/\s+/g, " ");

/** The matcher for a glossary: build once per page, use for every clause. */
export function glossaryMatcher(terms: readonly GlossaryTermPhrases[]) {
  const root: Node = { next: new Map() };
  for (const term of terms) {
    for (const phrase of term.phrases) {
      const ws = words(phrase);
      if (ws.length === 0) continue;
      // Nothing may stand before the first word or after the last (e.g. "CERT/" is not a term).
      let node = root;
      ws.forEach((w, i) => {
        const key = i === 0 ? w.word : `${gap(phrase.slice(ws[i - 1]!.end, w.start))}${w.word}`;
        let child = node.next.get(key);
        if (!child) node.next.set(key, (child = { next: new Map() }));
        node = child;
      });
      // The first term to claim a phrase keeps it.
      node.slug ??= term.slug;
    }
  }

  /**
   * Splits a clause into text and links: the first use of each term (by any of its phrases)
   * links; later uses, and shorter terms inside a longer one, do not. `used` carries the terms
   * already linked when one clause is rendered in several pieces (Markdown text nodes).
   */
  function link(text: string, used: Set<string> = new Set()): GlossarySegment[] {
    const ws = words(text);
    const segments: GlossarySegment[] = [];
    let from = 0;
    let i = 0;
    while (i < ws.length) {
      let node = root.next.get(ws[i]!.word);
      let best: { end: number; slug: string } | null = null;
      let j = i;
      while (node) {
        if (node.slug) best = { end: j, slug: node.slug };
        const nextWord = ws[j + 1];
        if (!nextWord) break;
        node = node.next.get(`${gap(text.slice(ws[j]!.end, nextWord.start))}${nextWord.word}`);
        j += 1;
      }
      if (!best) {
        i += 1;
        continue;
      }
      if (!used.has(best.slug)) {
        used.add(best.slug);
        const start = ws[i]!.start;
        const end = ws[best.end]!.end;
        if (start > from) segments.push({ text: text.slice(from, start) });
        segments.push({ text: text.slice(start, end), slug: best.slug });
        from = end;
      }
      i = best.end + 1;
    }
    if (from < text.length) segments.push({ text: text.slice(from) });
    return segments;
  }

  return { link, empty: root.next.size === 0 };
}

export type GlossaryMatcher = ReturnType<typeof glossaryMatcher>;
