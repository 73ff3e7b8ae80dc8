// PostgreSQL cannot store U+0000 in text or jsonb, nor an unpaired UTF-16 surrogate in jsonb (a
// norm's clauses): a comment, title or clause holding one failed the insert, and the person got a
// 500. No real text needs either (browsers never send them from a form), so every procedure
// refuses them up front (server/trpc.ts), naming the field that holds one.

export const UNSTORABLE_MESSAGE = "Remove the invalid character (U+0000 or a broken surrogate pair): text cannot contain it.";

// One character at a time (each lookaround looks at one neighbour): linear in the text.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can store this string in text and jsonb columns. */
export const isStorable = (text: string) => !unstorable.test(text);

interface Step {
  value: unknown;
  key: string | number | null;
  parent: Step | null;
}

const pathOf = (step: Step) => {
  const path: (string | number)[] = [];
  for (let s: Step | null = step; s && s.key !== null; s = s.parent) path.push(s.key);
  return path.reverse();
};

/**
 * The path to the first string (or key) in `value` that PostgreSQL cannot store (e.g. ["clauses", 2]), or null.
 * Walks with its own stack and parent links: linear in the input, however deeply it nests.
 */
export function findUnstorable(value: unknown): (string | number)[] | null {
  const stack: Step[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const step = stack.pop()!;
    const current = step.value;
    if (typeof current === "string") {
      if (!isStorable(current)) return pathOf(step);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: step });
    } else if (current && typeof current === "object" && Object.getPrototypeOf(current) === Object.prototype) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        if (!isStorable(key)) return [...pathOf(step), key];
        stack.push({ value: item, key, parent: step });
      }
    }
  }
  return null;
}
