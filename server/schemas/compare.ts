import { z } from "zod";

// How many norms a comparison takes; counts are checked by the domain, which says so plainly.
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export const compareInput = z.strictObject({
  items: z.array(z.string().trim().max(300, "That item is too long.")).max(20, "Compare at most four norms at a time."),
});

/** Finding norms to compare by title: a bounded text, answered with a few matches. */
export const compareSearchInput = z.strictObject({
  q: z.string().trim().min(2, "Enter at least two characters.").max(100, "Enter at most 100 characters."),
});

export type CompareItem =
  | { kind: "reference"; raw: string; id: string }
  | { kind: "proposal"; raw: string; slug: string; version: number | null };

const referencePattern = /^ref:([A-Za-z0-9._-]{1,100})$/;
const proposalPattern = /^norm:([a-z0-9][a-z0-9-]{0,199})(?:@([1-9][0-9]{0,5}))?$/;

/** `ref:<id>`, `norm:<slug>` or `norm:<slug>@<version>`; null when the item is not one of these. */
export function parseCompareItem(raw: string): CompareItem | null {
  const ref = referencePattern.exec(raw);
  if (ref) return { kind: "reference", raw, id: ref[1]! };
  const norm = proposalPattern.exec(raw);
  if (norm) return { kind: "proposal", raw, slug: norm[1]!, version: norm[2] ? Number(norm[2]) : null };
  return null;
}

/** The `items` URL parameter: comma-separated, possibly repeated. */
export function splitItemsParam(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}
