// Word-level diff (Myers' O(ND) algorithm) for redlines between norm versions and comparisons.
// Pure: no database.

export type DiffPart = { type: "equal" | "insert" | "delete"; text: string };

/** Words, runs of spaces and single punctuation marks, so a change of one word stays one word. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_'’-]+|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

// Past this many edits the texts are mostly different: show them as replaced, keeping memory bounded.
const MAX_EDITS = 2000;

function myers(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    if (d > MAX_EDITS) {
      // One part per token (diffWords joins them into runs), so clause-level callers keep clauses apart.
      return [...a.map((text) => ({ type: "delete" as const, text })), ...b.map((text) => ({ type: "insert" as const, text }))];
    }
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk the trace back from the end to recover the edit script.
  const parts: DiffPart[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    // trace[d] holds v[-d-1 .. d+1] as it was before step d.
    const vd = trace[d]!;
    const at = (k: number) => vd[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      parts.push({ type: "equal", text: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) parts.push({ type: "insert", text: b[--y]! });
      else parts.push({ type: "delete", text: a[--x]! });
    }
  }
  return parts.reverse();
}

/** Joins neighbouring parts of one type, so the result reads as runs of text. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last && last.type === part.type) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ type: "equal", text: before }] : [];
  const a = tokenize(before);
  const b = tokenize(after);
  // The common start and end need no search.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const head = a.slice(0, start).join("");
  const tail = a.slice(a.length - end).join("");
  return merge([
    ...(head ? [{ type: "equal" as const, text: head }] : []),
    ...myers(a.slice(start, a.length - end), b.slice(start, b.length - end)),
    ...(tail ? [{ type: "equal" as const, text: tail }] : []),
  ]);
}

/** How much changed: inserted and deleted word counts (spaces ignored). */
export function diffStats(parts: DiffPart[]) {
  const words = (text: string) => tokenize(text).filter((t) => /\S/.test(t)).length;
  return {
    inserted: parts.filter((p) => p.type === "insert").reduce((n, p) => n + words(p.text), 0),
    deleted: parts.filter((p) => p.type === "delete").reduce((n, p) => n + words(p.text), 0),
  };
}

const wordCount = (text: string) => tokenize(text).filter((t) => /\S/.test(t)).length;

/** A clause of the later version set against the clause it came from, numbered as in each version (from 1). */
export type ClauseChange =
  | { kind: "unchanged"; from: number; to: number; text: string }
  /** A small edit: word-level marks read well. */
  | { kind: "edited"; from: number; to: number; parts: DiffPart[] }
  /** Largely rewritten: shown as the old wording, then the new, not as interleaved fragments. */
  | { kind: "rewritten"; from: number; to: number; before: string; after: string }
  | { kind: "added"; to: number; text: string }
  | { kind: "removed"; from: number; text: string };

/**
 * Whether a clause was largely rewritten: more than half of its words changed, counting both
 * wordings (deleted + inserted words outnumber the kept words of the old and the new: d + i > 2k).
 */
export function isRewrite(parts: readonly DiffPart[]): boolean {
  const { inserted, deleted } = diffStats([...parts]);
  const kept = parts.filter((p) => p.type === "equal").reduce((n, p) => n + wordCount(p.text), 0);
  return inserted + deleted > 2 * kept;
}

const keptWords = (parts: readonly DiffPart[]) => parts.filter((p) => p.type === "equal").reduce((n, p) => n + wordCount(p.text), 0);

/**
 * Pairs the removed and added clauses of one changed stretch, in order, so that the pairs keep as
 * many words as possible; clauses with no word in common stay unpaired (removed or added).
 */
function pairClauses(removed: readonly string[], added: readonly string[]): [number, number][] {
  const n = removed.length;
  const m = added.length;
  const score = removed.map((r) => added.map((a) => keptWords(diffWords(r, a))));
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const pair = score[i]![j]! > 0 ? score[i]![j]! + best[i + 1]![j + 1]! : 0;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (score[i]![j]! > 0 && best[i]![j] === score[i]![j]! + best[i + 1]![j + 1]!) pairs.push([i++, j++]);
    else if (best[i]![j] === best[i + 1]![j]) i++;
    else j++;
  }
  return pairs;
}

/**
 * The change between two versions' texts, clause by clause: unchanged clauses are matched first
 * (as words are in diffWords), then each changed stretch pairs its old and new clauses by the words
 * they share; a pair is an edit (word-level marks) or, when more than half its words changed, a rewrite.
 */
export function diffClauses(before: readonly string[], after: readonly string[]): ClauseChange[] {
  const out: ClauseChange[] = [];
  let from = 0;
  let to = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const pairs = pairClauses(removed, added);
    const start = { from: from - removed.length, to: to - added.length };
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...pairs, [removed.length, added.length] as [number, number]]) {
      for (; i < pi; i++) out.push({ kind: "removed", from: start.from + i + 1, text: removed[i]! });
      for (; j < pj; j++) out.push({ kind: "added", to: start.to + j + 1, text: added[j]! });
      if (pi < removed.length && pj < added.length) {
        const parts = diffWords(removed[pi]!, added[pj]!);
        const numbers = { from: start.from + pi + 1, to: start.to + pj + 1 };
        out.push(isRewrite(parts) ? { kind: "rewritten", ...numbers, before: removed[pi]!, after: added[pj]! } : { kind: "edited", ...numbers, parts });
        i++;
        j++;
      }
    }
    removed = [];
    added = [];
  };
  // Clause-level edit script: each clause is one token.
  for (const part of myers([...before], [...after])) {
    if (part.type === "equal") {
      flush();
      from++;
      to++;
      out.push({ kind: "unchanged", from, to, text: part.text });
    } else if (part.type === "delete") {
      removed.push(part.text);
      from++;
    } else {
      added.push(part.text);
      to++;
    }
  }
  flush();
  return out;
}
