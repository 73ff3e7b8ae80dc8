// The events the clock causes rather than a person: a stage closing in 7 days and in 1 day, a
// stock-take's window opening and closing in 7 days. Written by the tick from clock.now(), each once
// (its dedupe key), however many ticks or instances see it due. Set-based: one statement per kind.
import { sql } from "drizzle-orm";
import { type Db, resultRows } from "~/db/connect";
import { eventCategory } from "../schemas/notification-vocabulary";

const DAY = 86_400_000;

export async function writeDueReminders(db: Db, now: Date): Promise<number> {
  const inSeven = new Date(now.getTime() + 7 * DAY);
  const inOne = new Date(now.getTime() + DAY);
  const today = now.toISOString().slice(0, 10);
  const weekAhead = inSeven.toISOString().slice(0, 10);
  const count = (rows: unknown) => resultRows<{ n: number }>(rows)[0]?.n ?? 0;
  let written = 0;
  // A timed stage closing within 7 days: the 7-day reminder, and within 1 day, the 1-day one.
  for (const [within, distance] of [[inSeven, 7], [inOne, 1]] as const) {
    written += Number(
      count(
        await db.execute(sql`
          with added as (
            insert into notification_events (kind, category, targets, link, details, dedupe_key, created_at)
            select 'norm.deadline', ${eventCategory["norm.deadline"]}, array['norm:' || n.id::text], '/norms/' || n.slug,
              jsonb_build_object('norm', n.title, 'slug', n.slug, 'stage', n.status::text, 'deadline', to_char(n.stage_closes_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'days', greatest(1, ceil(extract(epoch from (n.stage_closes_at - ${now.toISOString()}::timestamptz)) / 86400)::int)),
              'deadline:' || n.id::text || ':' || extract(epoch from n.stage_closes_at)::bigint::text || ':' || ${distance}::text,
              ${now.toISOString()}::timestamptz
            from norms n
            where n.stage_closes_at is not null and n.stage_closes_at > ${now.toISOString()}::timestamptz and n.stage_closes_at <= ${within.toISOString()}::timestamptz
              and n.stage_closed_at is null and n.status in ('consultation', 'endorsement')
              and (${distance}::int = 1 or n.stage_closes_at > ${inOne.toISOString()}::timestamptz)
            on conflict (dedupe_key) do nothing
            returning 1
          ) select count(*)::int as n from added`),
      ),
    );
  }
  // A stock-take window that has opened (and not closed), and one closing within 7 days.
  written += Number(
    count(
      await db.execute(sql`
        with added as (
          insert into notification_events (kind, category, targets, link, details, dedupe_key, created_at)
          select 'stocktake.opened', ${eventCategory["stocktake.opened"]}, array['stocktake:' || s.year::text, 'forum'], '/stocktakes/' || s.year::text,
            jsonb_build_object('year', s.year, 'closesOn', s.closes_on::text), 'stocktake-opened:' || s.year::text, ${now.toISOString()}::timestamptz
          from stocktakes s
          where s.opens_on <= ${today}::date and s.closes_on >= ${today}::date and s.closed_at is null
          on conflict (dedupe_key) do nothing
          returning 1
        ), closing as (
          insert into notification_events (kind, category, targets, link, details, dedupe_key, created_at)
          select 'stocktake.closing', ${eventCategory["stocktake.closing"]}, array['stocktake:' || s.year::text], '/stocktakes/' || s.year::text,
            jsonb_build_object('year', s.year, 'closesOn', s.closes_on::text), 'stocktake-closing:' || s.year::text, ${now.toISOString()}::timestamptz
          from stocktakes s
          where s.closes_on > ${today}::date and s.closes_on <= ${weekAhead}::date and s.opens_on <= ${today}::date and s.closed_at is null
          on conflict (dedupe_key) do nothing
          returning 1
        ) select ((select count(*) from added) + (select count(*) from closing))::int as n`),
    ),
  );
  return written;
}
