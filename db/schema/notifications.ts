import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { EventKind, FollowReason, MailRhythm, NotificationCategory } from "~/server/schemas/notification-vocabulary";
import { users } from "./users";

/**
 * What a person follows (issue 18). `target` is "norm:<id>", "organization:<id>", "stocktake:<year>",
 * "thread:<root comment id>" or "forum". A row that is not active records that the person stopped
 * following: taking part again does not follow it for them once more.
 */
export const follows = pgTable(
  "follows",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    target: text().notNull(),
    reason: text().$type<FollowReason>().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.target] }),
    // Fan-out: everyone following a target.
    index("follows_target_active_idx").on(t.target, t.userId).where(sql`${t.active}`),
  ],
);

/**
 * The outbox: an event is written in the same transaction as the change that causes it, and the job
 * queue fans it out to notifications later (server/notifications/fan-out.ts). `targets` are the
 * follow targets whose followers hear of it; `recipientIds` the people told directly (the author of
 * the comment replied to, an organisation's representatives). `dedupeKey` makes a scheduled event
 * (a deadline 7 days away) happen once however many ticks see it due.
 */
export const notificationEvents = pgTable(
  "notification_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text().$type<EventKind>().notNull(),
    category: text().$type<NotificationCategory>().notNull(),
    targets: text().array().notNull().default(sql`'{}'::text[]`),
    recipientIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    // The exact place the notification opens (a path with its anchor).
    link: text().notNull(),
    // What the message says: the norm's title, version numbers, a deadline, an outcome statement.
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    fannedOutAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_events_dedupe_key").on(t.dedupeKey),
    index("notification_events_pending_idx").on(t.id).where(sql`${t.fannedOutAt} is null`),
    index("notification_events_actor_id_idx").on(t.actorId),
  ],
);

/**
 * One person's copy of an event: the notification centre reads these. `mailState`: "pending" waits
 * for a digest, "queued" is in a mail (`mailId`), "none" is not mailed (off, or the address cannot
 * receive participation mail).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: bigint({ mode: "number" })
      .notNull()
      .references(() => notificationEvents.id, { onDelete: "cascade" }),
    category: text().$type<NotificationCategory>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
    mailState: text().$type<"pending" | "queued" | "none">().notNull(),
    mailId: uuid(),
  },
  (t) => [
    uniqueIndex("notifications_user_event_key").on(t.userId, t.eventId),
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_pending_mail_idx").on(t.createdAt).where(sql`${t.mailState} = 'pending'`),
    index("notifications_event_id_idx").on(t.eventId),
    index("notifications_mail_id_idx").on(t.mailId),
  ],
);

/** A person's mail rhythm for a category; no row means the default (defaultRhythm). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text().$type<NotificationCategory>().notNull(),
    rhythm: text().$type<MailRhythm>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

/**
 * A mail to send: one notification at once, or a digest (`digestKey` "daily:2026-12-03",
 * "weekly:2026-11-30"; one per person and period). The job queue sends it, retrying with backoff;
 * `sentAt` makes a retry or a second instance skip a mail already accepted by the SMTP server, and
 * `claimedUntil` keeps two workers from sending it at the same time.
 */
export const outboundMail = pgTable(
  "outbound_mail",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    digestKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    // Nothing left to say when it came to be sent (read, unsubscribed, address no longer confirmed).
    skippedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("outbound_mail_digest_key").on(t.userId, t.digestKey),
    index("outbound_mail_unsent_idx").on(t.createdAt).where(sql`${t.sentAt} is null and ${t.skippedAt} is null`),
  ],
);
