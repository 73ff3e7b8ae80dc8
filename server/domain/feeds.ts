// What the Atom feeds publish (issue 18): the record as the public pages show it, newest first and
// bounded, read with a handful of indexed queries (never one per entry) and only the columns a feed
// entry needs. The same visibility rules as the pages: only norms that have been submitted
// (norm-visibility.ts), no positions at all (so nothing sealed), no moderation notes, no
// unpublished stock-take drafts. The feeds themselves are written by server/open-data/feeds.ts.
import "server-only";
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "~/db/connect";
import { amendments, type NormEventType, normEvents, norms, normSponsors, organizations, stocktakeRevisions, stocktakes, users } from "~/db/schema";
import { clock } from "../clock";
import { timelineEventColumns, visibleNorm } from "./norm-queries";
import { publicNorm } from "./norm-visibility";
import { personName } from "./person-name";
import { windowOf } from "./stocktakes";

/** Entries in one feed: a reader polling every few hours misses nothing on a busy day. */
export const FEED_ENTRIES = 50;

/**
 * What the all-norms feed follows: a norm's arrival in public, its new versions and its stage
 * changes. Amendments and sponsorships are in each norm's own feed.
 */
export const FORUM_EVENT_TYPES = [
  "submit",
  "revised",
  "amendmentAccepted",
  "openEndorsement",
  "returnToConsultation",
  "conclude",
  "merge",
  "withdraw",
  "extended",
  "stageClosed",
] as const satisfies readonly NormEventType[];

const eventColumns = { ...timelineEventColumns, amendmentNumber: amendments.number };

/**
 * The newest events of every public norm, newest first: only those from its submission on, so a
 * norm's drafting history (public on its page once submitted) does not arrive in readers as news.
 * Read newest first along norm_events_created_idx, each joined to its norm by primary key.
 */
export async function forumFeed(db: Db) {
  const items = await db
    .select({ ...eventColumns, norm: { id: norms.id, slug: norms.slug, title: norms.title, language: norms.language } })
    .from(normEvents)
    .innerJoin(norms, eq(norms.id, normEvents.normId))
    .leftJoin(users, eq(users.id, normEvents.actorId))
    .leftJoin(amendments, eq(amendments.id, normEvents.amendmentId))
    .where(and(inArray(normEvents.type, FORUM_EVENT_TYPES), publicNorm(), gte(normEvents.createdAt, norms.submittedAt)))
    .orderBy(desc(normEvents.createdAt), desc(normEvents.id))
    .limit(FEED_ENTRIES);
  return { items };
}

/**
 * One public norm's record, newest first: its versions and stage changes (the timeline its page
 * shows, with the outcome statements), the amendments proposed to it, and its co-sponsorships.
 * A draft is "not found", as on its page, even to its authors: a feed is read by anyone who has
 * its address.
 */
export async function normFeed(db: Db, slug: string) {
  const { norm } = await visibleNorm(db, null, slug);
  const [events, proposed, mergedInto] = await Promise.all([
    db
      .select({
        ...eventColumns,
        sponsor: { name: organizations.name, slug: organizations.slug },
      })
      .from(normEvents)
      .leftJoin(users, eq(users.id, normEvents.actorId))
      .leftJoin(amendments, eq(amendments.id, normEvents.amendmentId))
      .leftJoin(normSponsors, eq(normSponsors.id, normEvents.sponsorId))
      .leftJoin(organizations, eq(organizations.id, normSponsors.organizationId))
      .where(eq(normEvents.normId, norm.id))
      .orderBy(desc(normEvents.createdAt), desc(normEvents.id))
      .limit(FEED_ENTRIES),
    db
      .select({
        id: amendments.id,
        number: amendments.number,
        kind: amendments.kind,
        clause: amendments.clause,
        baseVersion: amendments.baseVersion,
        rationale: amendments.rationale,
        createdAt: amendments.createdAt,
        authorName: personName(users, amendments.organizationId),
        organizationName: organizations.name,
      })
      .from(amendments)
      .innerJoin(users, eq(users.id, amendments.authorId))
      .leftJoin(organizations, eq(organizations.id, amendments.organizationId))
      .where(eq(amendments.normId, norm.id))
      .orderBy(desc(amendments.number))
      .limit(FEED_ENTRIES),
    norm.mergedIntoId ? db.query.norms.findFirst({ columns: { slug: true, title: true }, where: eq(norms.id, norm.mergedIntoId) }) : undefined,
  ]);
  return {
    norm: { id: norm.id, slug: norm.slug, title: norm.title, summary: norm.summary, language: norm.language, submittedAt: norm.submittedAt! },
    mergedInto: mergedInto ?? null,
    events,
    amendments: proposed,
  };
}

/**
 * Every stock-take's public moments, newest first: announced, its window opening and closing (as
 * the forum's clock has reached them), and each published revision with its hash and erratum.
 * Stock-takes are few (one a year): two queries read them all, without the stored report files.
 */
export async function stocktakesFeed(db: Db) {
  const years = await db
    .select({ id: stocktakes.id, year: stocktakes.year, opensOn: stocktakes.opensOn, closesOn: stocktakes.closesOn, closedAt: stocktakes.closedAt, createdAt: stocktakes.createdAt })
    .from(stocktakes)
    .orderBy(desc(stocktakes.year))
    .limit(FEED_ENTRIES);
  const revisions = years.length
    ? await db
        .select({ id: stocktakeRevisions.id, stocktakeId: stocktakeRevisions.stocktakeId, revision: stocktakeRevisions.revision, publishedAt: stocktakeRevisions.publishedAt, erratum: stocktakeRevisions.erratum, sha256: stocktakeRevisions.sha256 })
        .from(stocktakeRevisions)
        .where(inArray(stocktakeRevisions.stocktakeId, years.map((y) => y.id)))
    : [];
  const now = clock.now();
  type Item =
    | { kind: "announced" | "opened" | "closed"; stocktakeId: string; year: number; opensOn: string; closesOn: string; at: Date }
    | { kind: "published"; id: string; stocktakeId: string; year: number; revision: number; erratum: string | null; sha256: string; at: Date };
  const items: Item[] = [];
  for (const y of years) {
    const base = { stocktakeId: y.id, year: y.year, opensOn: y.opensOn, closesOn: y.closesOn };
    const w = windowOf(y, now);
    items.push({ kind: "announced", ...base, at: y.createdAt });
    if (w.state !== "upcoming") items.push({ kind: "opened", ...base, at: w.start });
    if (w.closedAt) items.push({ kind: "closed", ...base, at: w.closedAt });
  }
  for (const r of revisions) {
    const year = years.find((y) => y.id === r.stocktakeId)!.year;
    items.push({ kind: "published", id: r.id, stocktakeId: r.stocktakeId, year, revision: r.revision, erratum: r.erratum, sha256: r.sha256, at: r.publishedAt });
  }
  items.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { items: items.slice(0, FEED_ENTRIES) };
}
