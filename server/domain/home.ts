// What is happening now, for the home page: norms open in consultation and endorsement, the open
// stock-take, recently concluded norms and the latest published report. A few cheap queries with
// limits on indexed columns; never a draft (the one visibility rule, server/domain/norm-visibility.ts).
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/connect";
import { normEvents, norms, organizations, stocktakeRevisions, stocktakes } from "~/db/schema";
import { clock } from "../clock";
import { publicNorm } from "./norm-visibility";
import { withStage } from "./stage-clock";
import { windowOf } from "./stocktakes";

/** How many norms of each kind the home page shows; the rest are one link away. */
export const HOME_LIMIT = 5;

type OpenStage = "consultation" | "endorsement" | "concluded";

function normsIn(db: Db, status: OpenStage) {
  return db
    .select({
      slug: norms.slug,
      title: norms.title,
      status: norms.status,
      currentVersion: norms.currentVersion,
      organizationName: organizations.name,
      // When the norm entered its present stage (its last transition into it), by the events index.
      stageSince: sql<Date | null>`(select max(${normEvents.createdAt}) from ${normEvents} where ${normEvents.normId} = ${norms.id} and ${normEvents.toStatus} = ${norms.status} and ${normEvents.type} not in ('extended', 'stageClosed'))`.mapWith(
        (v: string | Date | null) => (v === null ? null : new Date(v)),
      ),
      // The last revision or change of stage.
      updatedAt: norms.updatedAt,
      stageClosesAt: norms.stageClosesAt,
      stageSealed: norms.stageSealed,
    })
    .from(norms)
    .leftJoin(organizations, eq(organizations.id, norms.organizationId))
    .where(and(publicNorm(), eq(norms.status, status)))
    // Open stages: newest first, as the filtered list sorts them (norms_status_created_idx);
    // concluded: most recently concluded first (a concluded norm is no longer revised).
    .orderBy(...(status === "concluded" ? [desc(norms.updatedAt), desc(norms.id)] : [desc(norms.createdAt), desc(norms.id)]))
    .limit(HOME_LIMIT)
    .then((rows) => {
      const now = clock.now();
      return rows.map((n) => withStage(n, now));
    });
}

export async function whatIsOpen(db: Db) {
  const [consultation, endorsement, concluded, counts, stocktakeRows, [latestReport]] = await Promise.all([
    normsIn(db, "consultation"),
    normsIn(db, "endorsement"),
    normsIn(db, "concluded"),
    db
      .select({ status: norms.status, count: sql<number>`count(*)::int` })
      .from(norms)
      .where(and(publicNorm(), inArray(norms.status, ["consultation", "endorsement", "concluded"])))
      .groupBy(norms.status),
    // Stock-takes not closed early; at most one a year, so the newest few suffice.
    db.select().from(stocktakes).where(isNull(stocktakes.closedAt)).orderBy(desc(stocktakes.year)).limit(3),
    db
      .select({ year: stocktakes.year, revision: stocktakeRevisions.revision, publishedAt: stocktakeRevisions.publishedAt, sha256: stocktakeRevisions.sha256 })
      .from(stocktakeRevisions)
      .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId))
      .orderBy(desc(stocktakeRevisions.publishedAt))
      .limit(1),
  ]);
  const countOf = (status: OpenStage) => counts.find((c) => c.status === status)?.count ?? 0;
  const openStocktake = stocktakeRows
    .map((st) => ({ st, w: windowOf(st) }))
    .filter(({ w }) => w.state !== "closed")
    .sort((a, b) => a.w.start.getTime() - b.w.start.getTime())
    .map(({ st, w }) => ({ year: st.year, window: w.state, opensOn: st.opensOn, closesOn: st.closesOn }))[0];
  return {
    consultation: { items: consultation, total: countOf("consultation") },
    endorsement: { items: endorsement, total: countOf("endorsement") },
    concluded: { items: concluded, total: countOf("concluded") },
    stocktake: openStocktake ?? null,
    latestReport: latestReport ?? null,
  };
}
