// Following and the notification centre (issue 18): what a person follows, their notifications
// newest first with the unread count, marking them read, and their mail rhythm per category. Every
// function reads and writes the signed-in person's own rows only (the actor's id is the key).
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, resultRows } from "~/db/connect";
import { comments, follows, notificationEvents, notificationPreferences, notifications, norms, organizations, stocktakes } from "~/db/schema";
import { notFound } from "../errors";
import type { Actor } from "../policy";
import { clock } from "../clock";
import {
  defaultRhythm,
  type FollowReason,
  type FollowTargetType,
  type MailRhythm,
  notificationCategories,
  type NotificationCategory,
} from "../schemas/notification-vocabulary";
import type { followInput, followTargetInput, markReadInput, notificationListInput, preferencesInput } from "../schemas/notifications";
import { publicNorm } from "./norm-visibility";

/** The follow target of a thing: "norm:<id>", "organization:<id>", "stocktake:<year>", "thread:<id>", "forum". */
export function followTarget(type: Exclude<FollowTargetType, "forum">, id: string | number): string;
export function followTarget(type: "forum"): string;
export function followTarget(type: FollowTargetType, id?: string | number) {
  return type === "forum" ? "forum" : `${type}:${id}`;
}

/**
 * Follows a target for a person taking part in it (proposing, co-authoring, a position, a comment, a
 * stock-take filing), in the transaction of that act. Someone who stopped following it stays so.
 */
export async function autoFollow(tx: DbOrTx, userIds: string | string[], target: string, reason: FollowReason) {
  const ids = [...new Set(Array.isArray(userIds) ? userIds : [userIds])];
  if (ids.length === 0) return;
  await tx
    .insert(follows)
    .values(ids.map((userId) => ({ userId, target, reason, createdAt: clock.now(), updatedAt: clock.now() })))
    .onConflictDoNothing();
}

/** The target a follow request names, after checking the thing exists and may be seen. */
async function resolveTarget(db: DbOrTx, input: z.output<typeof followInput>): Promise<string> {
  switch (input.type) {
    case "forum":
      return followTarget("forum");
    case "norm": {
      const [norm] = await db.select({ id: norms.id }).from(norms).where(and(eq(norms.slug, input.key), publicNorm())).limit(1);
      if (!norm) throw notFound("That norm");
      return followTarget("norm", norm.id);
    }
    case "organization": {
      const [organization] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, input.key)).limit(1);
      if (!organization) throw notFound("That organisation");
      return followTarget("organization", organization.id);
    }
    case "stocktake": {
      const year = Number(input.key);
      const [cycle] = Number.isInteger(year) ? await db.select({ year: stocktakes.year }).from(stocktakes).where(eq(stocktakes.year, year)).limit(1) : [];
      if (!cycle) throw notFound("That stock-take");
      return followTarget("stocktake", cycle.year);
    }
    case "thread": {
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.key) ? input.key : null;
      const [comment] = uuid
        ? await db
            .select({ threadId: comments.threadId })
            .from(comments)
            .innerJoin(norms, eq(norms.id, comments.normId))
            .where(and(eq(comments.id, uuid), eq(comments.status, "visible"), publicNorm()))
            .limit(1)
        : [];
      if (!comment) throw notFound("That discussion");
      return followTarget("thread", comment.threadId);
    }
  }
}

/** Follows or stops following; stopping is kept, so taking part later does not follow it again. */
export async function setFollow(db: Db, actor: Actor, input: z.output<typeof followInput>) {
  const target = await resolveTarget(db, input);
  await db
    .insert(follows)
    .values({ userId: actor.id, target, reason: "chosen", active: input.follow, createdAt: clock.now(), updatedAt: clock.now() })
    .onConflictDoUpdate({ target: [follows.userId, follows.target], set: { active: input.follow, updatedAt: clock.now() } });
  return { target, following: input.follow };
}

/** Whether the signed-in person follows a target named as a follow request names it (the Follow button's state). */
export async function followState(db: DbOrTx, actor: Actor, input: z.output<typeof followTargetInput>) {
  const target = await resolveTarget(db, { ...input, follow: true });
  return { target, following: await isFollowing(db, actor.id, target) };
}

/** Whether the person follows a target (false for visitors). */
export async function isFollowing(db: DbOrTx, userId: string | null | undefined, target: string) {
  if (!userId) return false;
  const [row] = await db
    .select({ active: follows.active })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.target, target)))
    .limit(1);
  return row?.active ?? false;
}

export interface FollowedItem {
  target: string;
  type: FollowTargetType;
  reason: FollowReason;
  /** What it is called, and where it is (null when it no longer exists or may not be seen). */
  label: string | null;
  /** A norm's or organisation's slug, a stock-take's year, a thread's first comment; "" for the forum. */
  key: string;
  href: string | null;
  since: Date;
}

/** What the person follows (active follows only), each named and linked. Four queries at most, whatever the count. */
export async function listFollows(db: Db, actor: Actor): Promise<FollowedItem[]> {
  const rows = await db
    .select({ target: follows.target, reason: follows.reason, since: follows.createdAt })
    .from(follows)
    .where(and(eq(follows.userId, actor.id), eq(follows.active, true)))
    .orderBy(desc(follows.createdAt))
    .limit(500);
  const idsOf = (type: string) => rows.filter((r) => r.target.startsWith(`${type}:`)).map((r) => r.target.slice(type.length + 1));
  const normIds = idsOf("norm");
  const organizationIds = idsOf("organization");
  const threadIds = idsOf("thread");
  const [normRows, organizationRows, threadRows] = await Promise.all([
    normIds.length ? db.select({ id: norms.id, slug: norms.slug, title: norms.title }).from(norms).where(and(inArray(norms.id, normIds), publicNorm())) : [],
    organizationIds.length ? db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name }).from(organizations).where(inArray(organizations.id, organizationIds)) : [],
    threadIds.length
      ? db
          .select({ id: comments.id, slug: norms.slug, title: norms.title })
          .from(comments)
          .innerJoin(norms, eq(norms.id, comments.normId))
          .where(and(inArray(comments.id, threadIds), publicNorm()))
      : [],
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const normById = byId(normRows);
  const organizationById = byId(organizationRows);
  const threadById = byId(threadRows);
  return rows.map((row): FollowedItem => {
    const [type, id = ""] = row.target.split(":") as [FollowTargetType, string?];
    const base = { target: row.target, type, reason: row.reason, since: row.since };
    switch (type) {
      case "norm": {
        const norm = normById.get(id);
        return { ...base, key: norm?.slug ?? "", label: norm?.title ?? null, href: norm ? `/norms/${norm.slug}` : null };
      }
      case "organization": {
        const organization = organizationById.get(id);
        return { ...base, key: organization?.slug ?? "", label: organization?.name ?? null, href: organization ? `/organizations/${organization.slug}` : null };
      }
      case "stocktake":
        return { ...base, key: id, label: id, href: `/stocktakes/${id}` };
      case "thread": {
        const thread = threadById.get(id);
        return { ...base, key: id, label: thread?.title ?? null, href: thread ? `/norms/${thread.slug}#comment-${id}` : null };
      }
      default:
        return { ...base, type: "forum", key: "", label: null, href: "/norms" };
    }
  });
}

/** The person's notifications, newest first, each with its event. */
export async function listNotifications(db: Db, actor: Actor, input: z.output<typeof notificationListInput>) {
  const rows = await db
    .select({
      id: notifications.id,
      category: notifications.category,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      kind: notificationEvents.kind,
      link: notificationEvents.link,
      details: notificationEvents.details,
    })
    .from(notifications)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
    .where(
      and(
        eq(notifications.userId, actor.id),
        // Keyset on the order itself (time, then id): a notification fanned out late for an older
        // event has a higher id than newer ones, so the id alone would skip or repeat it.
        input.before
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (select b.created_at, b.id from ${notifications} b where b.id = ${input.before} and b.user_id = ${actor.id})`
          : undefined,
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit + 1);
  return { items: rows.slice(0, input.limit), nextBefore: rows.length > input.limit ? rows[input.limit - 1]!.id : null };
}

/** How many of the person's notifications are unread (the header's count); capped, as the header shows "99+". */
export async function unreadCount(db: DbOrTx, userId: string) {
  const [row] = resultRows<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from (select 1 from ${notifications} where ${notifications.userId} = ${userId} and ${notifications.readAt} is null limit 100) unread`),
  );
  return Number(row?.n ?? 0);
}

/** Marks one of the person's notifications read; someone else's is "not found", as if it did not exist. */
export async function markRead(db: Db, actor: Actor, input: z.output<typeof markReadInput>) {
  const [row] = await db
    .update(notifications)
    // A raw parameter is not typed by the driver: the time goes as text, cast.
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${clock.now().toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, input.id), eq(notifications.userId, actor.id)))
    .returning({ id: notifications.id, link: sql<string>`(select e.link from ${notificationEvents} e where e.id = "notifications"."event_id")` });
  if (!row) throw notFound("That notification");
  return row;
}

export async function markAllRead(db: Db, actor: Actor) {
  const rows = await db
    .update(notifications)
    .set({ readAt: clock.now() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}

/** The person's rhythm for every category (their choice, or the default). */
export async function getPreferences(db: DbOrTx, userId: string): Promise<Record<NotificationCategory, MailRhythm>> {
  const rows = await db
    .select({ category: notificationPreferences.category, rhythm: notificationPreferences.rhythm })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.category, r.rhythm]));
  return Object.fromEntries(notificationCategories.map((c) => [c, chosen.get(c) ?? defaultRhythm[c]])) as Record<NotificationCategory, MailRhythm>;
}

/** Sets the rhythm of the categories given, in one statement. */
export async function setPreferences(db: DbOrTx, userId: string, rhythms: z.output<typeof preferencesInput>["rhythms"]) {
  const values = Object.entries(rhythms).map(([category, rhythm]) => ({ userId, category: category as NotificationCategory, rhythm: rhythm as MailRhythm, updatedAt: clock.now() }));
  if (values.length > 0) {
    await db
      .insert(notificationPreferences)
      .values(values)
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.category], set: { rhythm: sql`excluded.rhythm`, updatedAt: sql`excluded.updated_at` } });
  }
  return getPreferences(db, userId);
}
