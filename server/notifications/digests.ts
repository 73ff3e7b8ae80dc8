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

/** Writes the digests due at `now`; returns the mails to send. */
export async function queueDigests(db: Db, now = clock.now()): Promise<string[]> {
  const mailIds: string[] = [];
  for (const rhythm of ["daily", "weekly"] as const) {
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
            select distinct due.user_id, ${digestKey(rhythm, now)}, ${now.toISOString()}::timestamptz from due
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
  }
  return mailIds;
}
