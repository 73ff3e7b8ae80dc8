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
  const ta = new Set(nameTokens(a));
  const tb = new Set(nameTokens(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
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

export function likelyDuplicates<T extends OrgForMatching>(target: OrgForMatching, others: T[]) {
  const host = websiteHost(target.website);
  const matches: { organization: T; reasons: DuplicateReason[]; similarity: number }[] = [];
  for (const other of others) {
    if (other.id === target.id) continue;
    const reasons: DuplicateReason[] = [];
    const similarity = nameSimilarity(target.name, other.name);
    if (similarity >= 0.5) reasons.push("similar_name");
    if (host && host === websiteHost(other.website)) reasons.push("same_website");
    if (target.country && target.country === other.country && target.stakeholderType === other.stakeholderType) {
      reasons.push("same_country_and_type");
    }
    if (reasons.length) matches.push({ organization: other, reasons, similarity });
  }
  return matches.sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity);
}
