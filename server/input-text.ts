// PostgreSQL cannot store U+0000 in text or jsonb: a comment, title or name holding it failed the
// insert, and the person got a 500. No real text needs it, so every procedure refuses it up front
// (server/trpc.ts), naming the field that holds it.

export const NUL_MESSAGE = "Remove the NUL character (U+0000): text cannot contain it.";

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
 * The path to the first string in `value` that holds U+0000 (e.g. ["clauses", 2]), or null.
 * Walks with its own stack and parent links: linear in the input, however deeply it nests.
 */
export function findNul(value: unknown): (string | number)[] | null {
  const stack: Step[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const step = stack.pop()!;
    const current = step.value;
    if (typeof current === "string") {
      if (current.includes("\u0000")) return pathOf(step);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: step });
    } else if (current && typeof current === "object" && Object.getPrototypeOf(current) === Object.prototype) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        if (key.includes("\u0000")) return [...pathOf(step), key];
        stack.push({ value: item, key, parent: step });
      }
    }
  }
  return null;
}
