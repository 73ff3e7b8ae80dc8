// Likely duplicates of an organisation awaiting verification, so splitting one actor into many
// cannot inflate the forum's figures. Pure functions: no database.

const stopWords = new Set([
  "the", "of", "and", "for", "in", "on", "ltd", "limited", "inc", "llc", "plc", "gmbh", "sa", "ag",
  "co", "corp", "corporation", "company", "organisation", "organization", "foundation",
]);

export function nameTokens(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t && !stopWords.has(t));
}

/** Jaccard similarity of the names' significant words, in [0, 1]. */
export function nameSimilarity(a: string, b: string): number {
  return similarity(new Set(nameTokens(a)), new Set(nameTokens(b)));
}

export function websiteHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

export interface OrgForMatching {
  id: string;
  name: string;
  website: string | null;
  country: string | null;
  stakeholderType: string;
}

export type DuplicateReason = "similar_name" | "same_website" | "same_country_and_type";

function similarity(ta: Set<string>, tb: Set<string>) {
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/**
 * Prepares the organisations to compare against once (their name words and website hosts), and
 * returns a function giving one organisation's likely duplicates, strongest first.
 */
export function duplicateFinder<T extends OrgForMatching>(others: T[]) {
  const prepared = others.map((o) => ({ o, tokens: new Set(nameTokens(o.name)), host: websiteHost(o.website) }));
  // Inverted indexes, so each look-up compares only organisations sharing a word, host or country.
  const byKey = new Map<string, typeof prepared>();
  const index = (key: string, entry: (typeof prepared)[number]) => {
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  };
  for (const entry of prepared) {
    for (const t of entry.tokens) index(`w:${t}`, entry);
    if (entry.host) index(`h:${entry.host}`, entry);
    if (entry.o.country) index(`c:${entry.o.country}`, entry);
  }
  return (target: OrgForMatching) => {
    const tokens = new Set(nameTokens(target.name));
    const host = websiteHost(target.website);
    // Count shared words through the index instead of comparing every pair of names.
    const shared = new Map<(typeof prepared)[number], number>();
    for (const t of tokens) for (const entry of byKey.get(`w:${t}`) ?? []) shared.set(entry, (shared.get(entry) ?? 0) + 1);
    const candidates = new Set([
      ...shared.keys(),
      ...(host ? (byKey.get(`h:${host}`) ?? []) : []),
      ...(target.country ? (byKey.get(`c:${target.country}`) ?? []) : []),
    ]);
    const matches: { organization: T; reasons: DuplicateReason[]; similarity: number }[] = [];
    for (const other of candidates) {
      if (other.o.id === target.id) continue;
      const reasons: DuplicateReason[] = [];
      const common = shared.get(other) ?? 0;
      const score = common ? common / (tokens.size + other.tokens.size - common) : 0;
      if (score >= 0.5) reasons.push("similar_name");
      if (host && host === other.host) reasons.push("same_website");
      if (target.country && target.country === other.o.country && target.stakeholderType === other.o.stakeholderType) {
        reasons.push("same_country_and_type");
      }
      if (reasons.length) matches.push({ organization: other.o, reasons, similarity: score });
    }
    return matches.sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity);
  };
}

export function likelyDuplicates<T extends OrgForMatching>(target: OrgForMatching, others: T[]) {
  return duplicateFinder(others)(target);
}
