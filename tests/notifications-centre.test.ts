// Following and the notification centre (issue 18), through the procedures the pages call: following
// is idempotent and names what it follows, an unknown target is "not found" with a clear message,
// the centre lists one's own notifications newest first and pages through them without skipping or
// repeating one, marks one or all read (never someone else's), counts the unread (capped for the
// header), and keeps a mail rhythm per category with sensible defaults.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createUser } from "~/db/factories";
import { notificationEvents, notifications, suspensions } from "~/db/schema";
import { defaultRhythm } from "~/server/schemas/notification-vocabulary";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";
import { responseTeamNormFields } from "./support/moves";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

let counter = 0;

/** A norm in consultation, proposed by a person of its own. */
async function publicNorm() {
  const proposer = await createUser(db);
  const asProposer = await callerAs(db, proposer);
  const created = await asProposer.norms.create({ ...responseTeamNormFields, title: `A norm to follow ${++counter}` });
  const row = await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, created.slug) });
  await asProposer.norms.submit({ normId: row!.id });
  return { ...row!, proposer };
}

/** Notifications for a person, written as the fan-out writes them: an event and its copy, at a given time. */
async function notify(userId: string, at: Date, sentence = "someone") {
  const [event] = await db
    .insert(notificationEvents)
    .values({ kind: "comment.on_norm", category: "discussion", link: `/norms/somewhere#${sentence}`, details: { person: sentence, norm: "A norm" }, createdAt: at })
    .returning();
  const [row] = await db.insert(notifications).values({ userId, eventId: event!.id, category: "discussion", createdAt: at, mailState: "none" }).returning();
  return row!;
}

describe("following", () => {
  it("follows and unfollows a norm idempotently, and lists it with why", async () => {
    const norm = await publicNorm();
    const reader = await createUser(db);
    const as = await callerAs(db, reader);
    const key = { type: "norm", key: norm.slug } as const;
    expect(await as.notifications.following(key)).toEqual({ target: `norm:${norm.id}`, following: false });
    await as.notifications.follow({ ...key, follow: true });
    await as.notifications.follow({ ...key, follow: true });
    expect((await as.notifications.following(key)).following).toBe(true);
    const follows = await as.notifications.follows();
    expect(follows.filter((f) => f.target === `norm:${norm.id}`)).toEqual([
      expect.objectContaining({ type: "norm", reason: "chosen", label: norm.title, key: norm.slug, href: `/norms/${norm.slug}` }),
    ]);
    await as.notifications.follow({ ...key, follow: false });
    await as.notifications.follow({ ...key, follow: false });
    expect((await as.notifications.following(key)).following).toBe(false);
    expect((await as.notifications.follows()).some((f) => f.target === `norm:${norm.id}`)).toBe(false);
  });

  it("follows the forum's new proposals and a stock-take", async () => {
    const reader = await createUser(db);
    const staff = await callerAs(db, await createUser(db, { role: "secretariat" }));
    const norm = await publicNorm();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await staff.stocktakes.open({ year: 2041, opensOn: day(-2), closesOn: day(5), normIds: [norm.id], referenceNormIds: [] });
    const as = await callerAs(db, reader);
    await as.notifications.follow({ type: "forum", follow: true });
    await as.notifications.follow({ type: "stocktake", key: "2041", follow: true });
    const follows = await as.notifications.follows();
    expect(follows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ target: "forum", type: "forum", href: "/norms" }),
        expect.objectContaining({ target: "stocktake:2041", type: "stocktake", key: "2041", href: "/stocktakes/2041" }),
      ]),
    );
  });

  it("refuses what does not exist or may not be seen as not found, saying what", async () => {
    const as = await callerAs(db, await createUser(db));
    const owner = await createUser(db);
    const draft = await (await callerAs(db, owner)).norms.create({ ...responseTeamNormFields, title: "A draft nobody else sees" });
    const cases = [
      [{ type: "norm", key: "no-such-norm" }, "That norm was not found."],
      [{ type: "norm", key: draft.slug }, "That norm was not found."],
      [{ type: "organization", key: "no-such-organisation" }, "That organisation was not found."],
      [{ type: "stocktake", key: "1999" }, "That stock-take was not found."],
      [{ type: "stocktake", key: "next year" }, "That stock-take was not found."],
      [{ type: "thread", key: "not-a-comment" }, "That discussion was not found."],
    ] as const;
    for (const [target, message] of cases) {
      const error = await failure(as.notifications.follow({ ...target, follow: true }));
      expect([error.code, error.message], JSON.stringify(target)).toEqual(["NOT_FOUND", message]);
      expect((await failure(as.notifications.following(target))).code).toBe("NOT_FOUND");
    }
    expect(await as.notifications.follows()).toEqual([]);
  });

  it("lets a suspended person follow and read, and refuses a visitor", async () => {
    const norm = await publicNorm();
    const suspended = await createUser(db);
    const staff = await createUser(db, { role: "secretariat" });
    await db.insert(suspensions).values({ userId: suspended.id, reason: "A test suspension", createdById: staff.id, imposedByRole: "secretariat" });
    const as = await callerAs(db, suspended);
    await as.notifications.follow({ type: "norm", key: norm.slug, follow: true });
    expect((await as.notifications.following({ type: "norm", key: norm.slug })).following).toBe(true);
    const visitor = await callerAs(db, null);
    expect((await failure(visitor.notifications.follow({ type: "norm", key: norm.slug, follow: true }))).code).toBe("UNAUTHORIZED");
    expect((await failure(visitor.notifications.list({}))).code).toBe("UNAUTHORIZED");
    expect((await failure(visitor.notifications.unreadCount())).code).toBe("UNAUTHORIZED");
  });
});

describe("the notification centre", () => {
  it("lists one's own notifications newest first and pages through them without skipping or repeating one", async () => {
    const reader = await createUser(db);
    const other = await createUser(db);
    const base = Date.parse("2026-03-01T12:00:00Z");
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const written = [];
    for (const minutes of [0, 10, 20, 30, 40]) written.push(await notify(reader.id, at(minutes), `n${minutes}`));
    // Fanned out late for an older event: a higher id than the rest, an earlier time.
    written.push(await notify(reader.id, at(5), "late"));
    await notify(other.id, at(50), "not yours");
    const as = await callerAs(db, reader);
    const seen: number[] = [];
    let before: number | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await as.notifications.list({ before, limit: 2 });
      seen.push(...page.items.map((n) => n.id));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    const expected = [...written].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id).map((n) => n.id);
    expect(seen).toEqual(expected);
    const first = await as.notifications.list({});
    expect(first.items[0]).toEqual(expect.objectContaining({ kind: "comment.on_norm", link: "/norms/somewhere#n40", readAt: null, details: { person: "n40", norm: "A norm" } }));
    expect(first.nextBefore).toBeNull();
    // Someone else's notification as the cursor gives nothing, not their list.
    const others = await (await callerAs(db, other)).notifications.list({});
    expect((await as.notifications.list({ before: others.items[0]!.id })).items).toEqual([]);
  });

  it("marks one read and opens its link; someone else's is not found and stays unread", async () => {
    const reader = await createUser(db);
    const other = await createUser(db);
    const mine = await notify(reader.id, new Date(), "mine");
    const theirs = await notify(other.id, new Date(), "theirs");
    const as = await callerAs(db, reader);
    expect(await as.notifications.unreadCount()).toBe(1);
    const refused = await failure(as.notifications.markRead({ id: theirs.id }));
    expect([refused.code, refused.message]).toEqual(["NOT_FOUND", "That notification was not found."]);
    expect((await db.query.notifications.findFirst({ where: eq(notifications.id, theirs.id) }))!.readAt).toBeNull();
    expect(await as.notifications.markRead({ id: mine.id })).toEqual({ id: mine.id, link: "/norms/somewhere#mine" });
    const readAt = (await db.query.notifications.findFirst({ where: eq(notifications.id, mine.id) }))!.readAt;
    expect(readAt).toBeInstanceOf(Date);
    // Opening it again keeps the first reading's time.
    await as.notifications.markRead({ id: mine.id });
    expect((await db.query.notifications.findFirst({ where: eq(notifications.id, mine.id) }))!.readAt).toEqual(readAt);
    expect(await as.notifications.unreadCount()).toBe(0);
    expect(await (await callerAs(db, other)).notifications.unreadCount()).toBe(1);
  });

  it("marks all of one's own read, and no one else's", async () => {
    const reader = await createUser(db);
    const other = await createUser(db);
    for (let i = 0; i < 3; i++) await notify(reader.id, new Date(), `r${i}`);
    await notify(other.id, new Date(), "o");
    const as = await callerAs(db, reader);
    expect(await as.notifications.markAllRead()).toEqual({ marked: 3 });
    expect(await as.notifications.unreadCount()).toBe(0);
    expect((await as.notifications.list({ unreadOnly: true })).items).toEqual([]);
    expect(await as.notifications.markAllRead()).toEqual({ marked: 0 });
    expect(await (await callerAs(db, other)).notifications.unreadCount()).toBe(1);
  });

  it("counts the unread up to 100, as the header shows 99+", async () => {
    const reader = await createUser(db);
    const now = new Date();
    const events = await db
      .insert(notificationEvents)
      .values(Array.from({ length: 105 }, (_, i) => ({ kind: "comment.on_norm" as const, category: "discussion" as const, link: `/x#${i}`, details: {}, createdAt: now })))
      .returning({ id: notificationEvents.id });
    await db.insert(notifications).values(events.map((e) => ({ userId: reader.id, eventId: e.id, category: "discussion" as const, createdAt: now, mailState: "none" as const })));
    expect(await (await callerAs(db, reader)).notifications.unreadCount()).toBe(100);
  });
});

describe("mail rhythms", () => {
  it("starts from the defaults, saves a choice per category, and keeps each person's apart", async () => {
    const reader = await createUser(db);
    const other = await createUser(db);
    const as = await callerAs(db, reader);
    expect(await as.notifications.preferences()).toEqual(defaultRhythm);
    expect(defaultRhythm.deadlines).toBe("immediately");
    expect(defaultRhythm.reaffirm).toBe("immediately");
    const saved = await as.notifications.setPreferences({ rhythms: { norms: "daily", deadlines: "off" } });
    expect(saved).toEqual({ ...defaultRhythm, norms: "daily", deadlines: "off" });
    await as.notifications.setPreferences({ rhythms: { norms: "weekly" } });
    expect(await as.notifications.preferences()).toEqual({ ...defaultRhythm, norms: "weekly", deadlines: "off" });
    expect(await (await callerAs(db, other)).notifications.preferences()).toEqual(defaultRhythm);
  });

  it("refuses an unknown category or rhythm, and another person's id, as bad input", async () => {
    const as = await callerAs(db, await createUser(db));
    const other = await createUser(db);
    expect((await failure(as.notifications.setPreferences({ rhythms: { norms: "hourly" } as never }))).code).toBe("BAD_REQUEST");
    expect((await failure(as.notifications.setPreferences({ rhythms: { everything: "off" } as never }))).code).toBe("BAD_REQUEST");
    expect((await failure(as.notifications.setPreferences({ rhythms: { norms: "off" }, userId: other.id } as never))).code).toBe("BAD_REQUEST");
    expect(await as.notifications.preferences()).toEqual(defaultRhythm);
  });
});
