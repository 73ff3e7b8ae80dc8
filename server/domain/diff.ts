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
      return [
        ...(n ? [{ type: "delete" as const, text: a.join("") }] : []),
        ...(m ? [{ type: "insert" as const, text: b.join("") }] : []),
      ];
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
