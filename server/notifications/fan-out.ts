// Fan-out: each event in the outbox becomes one notification per person who should hear of it
// (followers of its targets and its direct recipients, never the person who caused it, nor an
// account deleted), with the mail it needs: "queued" in a mail of its own when the person's rhythm
// for its category is "immediately", "pending" for their daily or weekly digest, "none" when off or
// when the address cannot take it (unconfirmed; suspended, for participation mail). Set-based: one
// statement per event whatever the number of followers. Several workers may run it: each takes
// events no other holds (SKIP LOCKED).
import { asc, inArray, isNull, sql } from "drizzle-orm";
import { type Db, resultRows } from "~/db/connect";
import { notificationEvents } from "~/db/schema";
import { clock } from "../clock";
import { accountCategories, defaultRhythm, type NotificationCategory } from "../schemas/notification-vocabulary";

/** The person's rhythm for the category of `category` (a column), their choice or the default, in SQL. */
export function rhythmSql(chosen: ReturnType<typeof sql>, category: ReturnType<typeof sql>) {
  const cases = Object.entries(defaultRhythm).map(([c, r]) => sql`when ${c} then ${r}`);
  return sql`coalesce(${chosen}, case ${category} ${sql.join(cases, sql` `)} end)`;
}

/** An active suspension of the user `userId` (a column) at `now`, in SQL. */
export function suspendedSql(userId: ReturnType<typeof sql>, now: Date) {
  return sql`exists (select 1 from suspensions s where s.user_id = ${userId} and s.lifted_at is null and (s.ends_at is null or s.ends_at > ${now.toISOString()}::timestamptz))`;
}

export interface FanOutResult {
  events: number;
  notifications: number;
  /** The mails written for immediate delivery: the queue sends each. */
  mailIds: string[];
}

/** Fans out up to `batch` waiting events, oldest first, in one transaction. */
export async function fanOutPending(db: Db, batch = 50): Promise<FanOutResult> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const events = await tx
      .select({ id: notificationEvents.id, category: notificationEvents.category, targets: notificationEvents.targets, recipientIds: notificationEvents.recipientIds, actorId: notificationEvents.actorId, createdAt: notificationEvents.createdAt })
      .from(notificationEvents)
      .where(isNull(notificationEvents.fannedOutAt))
      .orderBy(asc(notificationEvents.id))
      .limit(batch)
      .for("update", { skipLocked: true });
    let count = 0;
    const mailIds: string[] = [];
    for (const event of events) {
      const participation = !accountCategories.includes(event.category as NotificationCategory);
      const inserted = resultRows<{ n: number }>(
        await tx.execute(sql`
          with recipients as (
            select f.user_id from follows f where f.target = any(${sql.param(event.targets)}::text[]) and f.active
              -- Followers from before the event: following later does not bring earlier events.
              and f.created_at <= ${event.createdAt.toISOString()}::timestamptz
            union
            select unnest(${sql.param(event.recipientIds)}::uuid[])
          ), added as (
            insert into notifications (user_id, event_id, category, created_at, mail_state)
            select u.id, ${event.id}, ${event.category}, ${event.createdAt.toISOString()}::timestamptz, case
                when ${rhythmSql(sql`p.rhythm`, sql`${event.category}::text`)} = 'off' then 'none'
                when u.email_verified_at is null then 'none'
                when ${participation} and ${suspendedSql(sql`u.id`, now)} then 'none'
                when ${rhythmSql(sql`p.rhythm`, sql`${event.category}::text`)} = 'immediately' then 'queued'
                else 'pending'
              end
            from recipients r
            join users u on u.id = r.user_id and u.deleted_at is null
            left join notification_preferences p on p.user_id = u.id and p.category = ${event.category}
            where u.id is distinct from ${event.actorId}::uuid
            on conflict (user_id, event_id) do nothing
            returning 1
          )
          select count(*)::int as n from added`),
      );
      count += Number(inserted[0]?.n ?? 0);
      const mails = resultRows<{ id: string }>(
        await tx.execute(sql`
          with mails as (
            insert into outbound_mail (user_id, created_at)
            select n.user_id, ${now.toISOString()}::timestamptz from notifications n where n.event_id = ${event.id} and n.mail_state = 'queued' and n.mail_id is null
            returning id, user_id
          )
          update notifications n set mail_id = mails.id from mails
          where n.event_id = ${event.id} and n.user_id = mails.user_id
          returning mails.id`),
      );
      mailIds.push(...mails.map((m) => m.id));
    }
    if (events.length > 0) {
      await tx
        .update(notificationEvents)
        .set({ fannedOutAt: now })
        .where(inArray(notificationEvents.id, events.map((e) => e.id)));
    }
    return { events: events.length, notifications: count, mailIds };
  });
}

/** Fans out every waiting event, batch by batch. */
export async function fanOutAll(db: Db): Promise<FanOutResult> {
  const total: FanOutResult = { events: 0, notifications: 0, mailIds: [] };
  for (;;) {
    const step = await fanOutPending(db);
    total.events += step.events;
    total.notifications += step.notifications;
    total.mailIds.push(...step.mailIds);
    if (step.events === 0) return total;
  }
}

/** Whether any event waits (the queue's health). */
export async function waitingEvents(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(notificationEvents).where(isNull(notificationEvents.fannedOutAt));
  return Number(row?.n ?? 0);
}
