// The site search: reference norms, forums, public proposals and organisations in one place,
// each group capped, with the number of matches.
import { and, asc, count, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { forums, norms, normSearch, organizations, referenceNorms } from "~/db/schema";
import type { searchInput } from "../schemas/search";
import { listNorms, SEARCH_CANDIDATES } from "./norm-queries";
import { publicNorm } from "./norm-visibility";
import { multilingualQuery } from "./translations";

export const SEARCH_GROUP_LIMIT = 10;

/** A LIKE pattern matching the words literally, wherever they appear. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchAll(db: Db, input: z.output<typeof searchInput>) {
  const q = input.q;
  const pattern = contains(q);
  const referenceWhere = or(ilike(referenceNorms.display, pattern), ilike(referenceNorms.text, pattern));
  const forumWhere = or(
    ilike(forums.name, pattern),
    ilike(forums.summary, pattern),
    sql`array_to_string(${forums.parties}, ' ') ilike ${pattern}`,
  );
  const organizationWhere = and(ilike(organizations.name, pattern), ne(organizations.verificationStatus, "rejected"));
  const proposalQuery = await multilingualQuery(db, q);
  const proposalWhere = and(publicNorm(), sql`${normSearch.search} @@ ${proposalQuery}`);

  const [refItems, [refCount], forumItems, [forumCount], proposals, [proposalCount], orgItems, [orgCount]] = await Promise.all([
    db
      .select({ id: referenceNorms.id, display: referenceNorms.display, text: referenceNorms.text })
      .from(referenceNorms)
      .where(referenceWhere)
      .orderBy(asc(referenceNorms.position))
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(referenceNorms).where(referenceWhere),
    db
      .select({ id: forums.id, name: forums.name, kind: forums.kind, year: forums.year, summary: forums.summary })
      .from(forums)
      .where(forumWhere)
      .orderBy(asc(forums.year), asc(forums.name))
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(forums).where(forumWhere),
    listNorms(db, { q, limit: SEARCH_GROUP_LIMIT }),
    // Counted up to the number a search ranks: counting every match of a common word costs as
    // much as reading the table, and "more than 1,000" says all a reader needs.
    db
      .select({ n: count() })
      .from(
          db
            .select({ one: sql`1` })
            .from(norms)
            .innerJoin(normSearch, eq(normSearch.normId, norms.id))
            .where(proposalWhere)
            .limit(SEARCH_CANDIDATES + 1)
            .as("matches"),
        ),
    db
      .select({
        slug: organizations.slug,
        name: organizations.name,
        stakeholderType: organizations.stakeholderType,
        verificationStatus: organizations.verificationStatus,
      })
      .from(organizations)
      .where(organizationWhere)
      .orderBy(asc(organizations.name))
      .limit(SEARCH_GROUP_LIMIT),
    db.select({ n: count() }).from(organizations).where(organizationWhere),
  ]);

  return {
    q,
    referenceNorms: { count: refCount?.n ?? 0, items: refItems },
    forums: { count: forumCount?.n ?? 0, items: forumItems },
    proposals: {
      count: Math.min(proposalCount?.n ?? 0, SEARCH_CANDIDATES),
      /** More matches than `count`: the count stops at SEARCH_CANDIDATES. */
      countCapped: (proposalCount?.n ?? 0) > SEARCH_CANDIDATES,
      items: proposals.items.map((n) => ({ slug: n.slug, title: n.title, summary: n.summary, status: n.status, stage: n.stage, matchedLanguages: n.matchedLanguages })),
    },
    organizations: { count: orgCount?.n ?? 0, items: orgItems },
  };
}

export type SearchResults = Awaited<ReturnType<typeof searchAll>>;
