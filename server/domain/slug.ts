/** Lower case ASCII words of a text joined by hyphens, at most 60 characters; empty when it has none. */
export function slugWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

/** A URL-safe slug from a name: lower case ASCII words joined by hyphens. */
export function slugify(name: string): string {
  return slugWords(name) || "organisation";
}

/** Paths under /organizations/ and /norms/ that are pages, not records. */
const reservedSlugs = new Set(["new", "mine"]);

/** The base slug, or base-2, base-3… : the first one not taken and not a reserved page name. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (const reserved of reservedSlugs) used.add(reserved);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
