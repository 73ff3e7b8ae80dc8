// The moments at which a public page changes with no write: the time rules of the forum. A cached
// page ends at the first of them after it was rendered. A new time rule that changes what a public
// page shows (a stage closing, a sealed position revealed, a lapse) must be added here.
import { sql } from "drizzle-orm";
import type { Db } from "~/db/connect";

const DAY = 24 * 60 * 60 * 1000;

/** The next midnight UTC after `now`: dates shown as "today" or counted in days turn over then. */
export const nextMidnightUtc = (now: Date) => new Date(Math.floor(now.getTime() / DAY) * DAY + DAY);

/**
 * The next moment after `now` a rule of the record changes a public page: a stock-take's submission
 * window opening (00:00 UTC on opens_on) or ending (after closes_on, as windowOf in
 * server/domain/stocktakes.ts, unless the secretariat closed it already), and a norm's timed stage
 * reaching its closing date (server/domain/stage-clock.ts; the first one, by norms_stage_closes_idx).
 */
export async function nextRuleChange(db: Db, now: Date): Promise<Date | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .select({ next: sql<string | null>`min(t)::text` })
    .from(
      sql`(
        select opens_on::timestamp at time zone 'UTC' as t from stocktakes
        union all
        select (closes_on + 1)::timestamp at time zone 'UTC' from stocktakes where closed_at is null
        union all
        (select stage_closes_at from norms where stage_closes_at > ${at} order by stage_closes_at limit 1)
      ) as boundaries`,
    )
    .where(sql`t > ${at}`);
  return row?.next ? new Date(row.next) : null;
}

/** The next moment after `now` a public page may change with no write: a rule above, or midnight UTC. */
export async function nextChange(db: Db, now: Date): Promise<Date> {
  const next = await nextRuleChange(db, now);
  const midnight = nextMidnightUtc(now);
  return next && next < midnight ? next : midnight;
}
