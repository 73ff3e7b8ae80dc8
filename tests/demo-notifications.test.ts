// The demo's notification history (issue 18, db/demo-notifications.ts): every demo account has
// notifications, some unread, from events as the domain writes them; nothing waits to be fanned out
// or mailed, and the first tick after the seed writes and sends nothing.
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, resultRows } from "~/db/connect";
import { follows, joinRequests, notificationEvents, notificationPreferences, notifications, outboundMail, users } from "~/db/schema";
import { demoAccounts, seed } from "~/db/seed";
import { clock } from "~/server/clock";
import { describeEvent } from "~/server/notifications/describe";
import { queueDigests } from "~/server/notifications/digests";
import { fanOutAll } from "~/server/notifications/fan-out";
import { writeDueReminders } from "~/server/notifications/scheduled";
import type { EventKind } from "~/server/schemas/notification-vocabulary";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
});
afterAll(() => database.close());

const userByEmail = async (email: string) => (await database.db.query.users.findFirst({ where: eq(users.email, email) }))!;

describe("demo notifications", () => {
  it("gives every demo account notifications, at least one unread, which it reads through the router", async () => {
    const { db } = database;
    const people = await db.select({ id: users.id, email: users.email }).from(users);
    expect(people.length).toBeGreaterThan(20);
    const counts = await db
      .select({ userId: notifications.userId, total: sql<number>`count(*)::int`, unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`, kinds: sql<number>`count(distinct ${notificationEvents.kind})::int` })
      .from(notifications)
      .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
      .groupBy(notifications.userId);
    for (const p of people) {
      const c = counts.find((x) => x.userId === p.id);
      expect(c?.total ?? 0, p.email).toBeGreaterThan(0);
      expect(c?.unread ?? 0, p.email).toBeGreaterThan(0);
      // And some read: a history, not a pile.
      if ((c?.total ?? 0) > 3) expect(c!.unread, p.email).toBeLessThan(c!.total);
    }
    for (const email of Object.values(demoAccounts)) {
      const caller = await callerAs(db, await userByEmail(email));
      const listed = await caller.notifications.list({});
      expect(listed.items.length, email).toBeGreaterThan(0);
      expect(await caller.notifications.unreadCount(), email).toBeGreaterThan(0);
      // Nobody is told of their own act, and every one is dated in the past.
      expect(listed.items.every((n) => n.createdAt.getTime() <= clock.nowMs()), email).toBe(true);
    }
    // The main accounts have several kinds each.
    for (const email of [demoAccounts.member, demoAccounts.representative, demoAccounts.otherRepresentative]) {
      const user = await userByEmail(email);
      expect(counts.find((c) => c.userId === user.id)!.kinds, email).toBeGreaterThan(3);
    }
  });

  it("has events of the kinds the domain writes, with their links, and sentences that render", async () => {
    const { db } = database;
    const events = await db.select().from(notificationEvents);
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of [
      "norm.submitted",
      "norm.version",
      "norm.stage",
      "norm.deadline",
      "amendment.proposed",
      "amendment.accepted",
      "amendment.declined",
      "position.reaffirm",
      "organization.join_request",
      "organization.verification",
      "organization.observed",
      "comment.reply",
      "comment.on_norm",
      "moderation.decision",
      "stocktake.published",
      "stocktake.erratum",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    for (const e of events) {
      expect(describeEvent(e.kind as EventKind, e.details), e.kind).not.toMatch(/notifications\.|\{|\}|undefined/);
      expect(e.link, e.kind).toMatch(/^\/(norms|organizations|stocktakes|account)\b/);
      expect(e.fannedOutAt, e.kind).not.toBeNull();
      expect(e.createdAt.getTime()).toBeLessThanOrEqual(clock.nowMs());
    }
    // The people told of something by name hear of it; the one who did it does not.
    const rep = await userByEmail(demoAccounts.representative);
    const suspended = await userByEmail(demoAccounts.suspended);
    const kindsOf = async (userId: string) =>
      (await db.select({ kind: notificationEvents.kind }).from(notifications).innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId)).where(eq(notifications.userId, userId))).map((r) => r.kind);
    expect(await kindsOf(rep.id)).toEqual(expect.arrayContaining(["organization.join_request", "position.reaffirm", "comment.on_norm", "comment.reply"]));
    expect(await kindsOf(suspended.id)).toContain("moderation.decision");
    const own = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId)).where(eq(notificationEvents.actorId, notifications.userId));
    expect(own[0]!.n).toBe(0);
    // The join request behind rep@'s notification waits on the organisation's manage page.
    expect(await db.$count(joinRequests, eq(joinRequests.status, "pending"))).toBe(1);
  });

  it("has chosen follows and mail rhythms besides the defaults", async () => {
    const { db } = database;
    const member = await userByEmail(demoAccounts.member);
    const followed = await (await callerAs(db, member)).notifications.follows();
    expect(followed.map((f) => f.type)).toEqual(expect.arrayContaining(["forum", "norm", "organization", "stocktake"]));
    expect(followed.every((f) => f.type === "forum" || f.label)).toBe(true);
    expect(new Set((await db.select({ reason: follows.reason }).from(follows)).map((f) => f.reason))).toEqual(new Set(["chosen", "proposer", "position", "comment", "stocktake"]));
    const rhythms = await db.select({ rhythm: notificationPreferences.rhythm }).from(notificationPreferences);
    expect(new Set(rhythms.map((r) => r.rhythm))).toEqual(new Set(["daily", "immediately", "off"]));
    expect(await (await callerAs(db, member)).notifications.preferences()).toMatchObject({ norms: "daily", discussion: "daily", deadlines: "immediately" });
  });

  it("leaves nothing to fan out or mail: the first tick, fan-out and digests after the seed write and send nothing", async () => {
    const { db } = database;
    expect(await db.$count(notificationEvents, isNull(notificationEvents.fannedOutAt))).toBe(0);
    expect(await db.$count(notifications, eq(notifications.mailState, "pending"))).toBe(0);
    expect(await db.$count(outboundMail, and(isNull(outboundMail.sentAt), isNull(outboundMail.skippedAt)))).toBe(0);
    // Each notification in a mail is in one already sent.
    const orphans = await db.execute(sql`select 1 from notifications n left join outbound_mail m on m.id = n.mail_id where n.mail_state = 'queued' and (m.id is null or m.sent_at is null)`);
    expect(resultRows(orphans)).toHaveLength(0);
    expect(await db.$count(outboundMail)).toBeGreaterThan(0);
    expect(await writeDueReminders(db, clock.now())).toBe(0);
    expect(await fanOutAll(db)).toEqual({ events: 0, notifications: 0, mailIds: [] });
    expect(await queueDigests(db, clock.now())).toEqual([]);
  });

  it("is loaded once: seeding again adds nothing", async () => {
    const { db } = database;
    const before = [await db.$count(notificationEvents), await db.$count(notifications), await db.$count(follows), await db.$count(outboundMail)];
    await seed(db, { demo: true });
    expect([await db.$count(notificationEvents), await db.$count(notifications), await db.$count(follows), await db.$count(outboundMail)]).toEqual(before);
  });
});
