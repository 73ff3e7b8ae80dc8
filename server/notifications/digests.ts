// Digests: at the first tick of a day (or of a week, from Monday 00:00 UTC), every person whose
// rhythm for a category is daily (weekly) gets one mail with what waited for it from before that
// moment. One mail per person and period (a unique key), so a second tick or instance writes none.
// Decided from clock.now(), never from the machine's time.
import { sql } from "drizzle-orm";
import { type Db, resultRows } from "~/db/connect";
import { clock } from "../clock";
import { rhythmSql } from "./fan-out";

export function periodStart(rhythm: "daily" | "weekly", now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (rhythm === "daily") return day;
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000);
}

export const digestKey = (rhythm: "daily" | "weekly", now: Date) => `${rhythm}:${periodStart(rhythm, now).toISOString().slice(0, 10)}`;

// The periods this process has written the digests of, per database: the tick runs every minute,
// and reading every waiting notification each time would cost as much as the digest itself. Once a
// period's digests are written, what waits is for the next period. Another instance may write them
// too: the unique key keeps one mail per person and period.
const written = new WeakMap<Db, Map<string, string>>();

/** Writes the digests due at `now`; returns the mails to send. */
export async function queueDigests(db: Db, now = clock.now()): Promise<string[]> {
  const mailIds: string[] = [];
  const done = written.get(db) ?? new Map<string, string>();
  written.set(db, done);
  for (const rhythm of ["daily", "weekly"] as const) {
    const key = digestKey(rhythm, now);
    if (done.get(rhythm) === key) continue;
    const rows = await db.transaction(async (tx) =>
      resultRows<{ id: string }>(
        await tx.execute(sql`
          with due as (
            select n.id, n.user_id from notifications n
            left join notification_preferences p on p.user_id = n.user_id and p.category = n.category
            where n.mail_state = 'pending' and n.created_at < ${periodStart(rhythm, now).toISOString()}::timestamptz
              and ${rhythmSql(sql`p.rhythm`, sql`n.category`)} = ${rhythm}
            for update of n skip locked
          ), mails as (
            insert into outbound_mail (user_id, digest_key, created_at)
            select distinct due.user_id, ${key}, ${now.toISOString()}::timestamptz from due
            on conflict (user_id, digest_key) do nothing
            returning id, user_id
          ), marked as (
            update notifications n set mail_state = 'queued', mail_id = mails.id
            from due join mails on mails.user_id = due.user_id
            where n.id = due.id
            returning mails.id
          )
          select distinct id from marked`),
      ),
    );
    mailIds.push(...rows.map((r) => r.id));
    done.set(rhythm, key);
  }
  return mailIds;
}
