// The consultation clock: stages close on their date without anyone clicking, writes stop at the
// close (checked under the norm's lock), the tick records it, the secretariat extends with a
// reason, and an admin changes the published lengths with history. Every rule is tested by setting
// the forum's clock, never by waiting.
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { normEvents, normPositions, norms, processSettingChanges } from "~/db/schema";
import { setClock } from "~/server/clock";
import { recordCloseIfDue } from "~/server/domain/stage-close";
import { closesAtAfter, closesAtEndOf, closingDayRefusal, daysLeft, lastOpenDay, stageClock } from "~/server/domain/stage-clock";
import { nextRuleChange } from "~/server/page-cache/deadlines";
import { runTick } from "~/server/tick";
import { callerAs, nullMailer } from "./support/context";
import { overriding, responseTeamNormFields } from "./support/moves";
import { createTestDatabase } from "./support/db";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
afterEach(() => setClock(null));

const fields = responseTeamNormFields;

async function people() {
  const proposerUser = await createUser(db);
  const representative = await createUser(db);
  const secretariatUser = await createUser(db, { role: "secretariat" });
  const adminUser = await createUser(db, { role: "admin" });
  const organization = await createOrganization(db, { createdById: representative.id, status: "verified" });
  return {
    proposer: await callerAs(db, proposerUser),
    representative: await callerAs(db, representative),
    secretariat: await callerAs(db, secretariatUser),
    admin: await callerAs(db, adminUser),
    visitor: await callerAs(db, null),
    organization,
  };
}

async function submitted(title: string, who: Awaited<ReturnType<typeof people>>) {
  const { slug } = await who.proposer.norms.create({ ...fields, title });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await who.proposer.norms.submit({ normId: norm.id });
  return { id: norm.id, slug };
}

const row = async (id: string) => (await db.query.norms.findFirst({ where: eq(norms.id, id) }))!;
const refusedWith = (code: TRPCError["code"], message: RegExp) => expect.objectContaining({ code, message: expect.stringMatching(message) });

describe("the clock's arithmetic", () => {
  it("closes a stage at the end (UTC) of the day its length after the start", () => {
    const start = new Date("2026-12-01T15:30:00Z");
    const closes = closesAtAfter(start, 60);
    expect(closes).toEqual(new Date("2027-01-31T00:00:00Z"));
    expect(lastOpenDay(closes)).toBe("2027-01-30");
    expect(closesAtEndOf("2027-01-30")).toEqual(closes);
    expect(daysLeft(closes, new Date("2027-01-18T23:00:00Z"))).toBe(12);
    expect(daysLeft(closes, new Date("2027-01-30T09:00:00Z"))).toBe(0);
    expect(daysLeft(closes, new Date("2027-01-31T00:00:00Z"))).toBe(-1);
    expect(stageClock({ status: "consultation", stageClosesAt: closes }, new Date("2027-01-30T23:59:59Z"))?.closed).toBe(false);
    expect(stageClock({ status: "consultation", stageClosesAt: closes }, closes)?.closed).toBe(true);
    expect(stageClock({ status: "concluded", stageClosesAt: closes }, closes)).toBeNull();
  });

  it("holds a chosen closing date to the stage's minimum and to a year", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(closingDayRefusal("2026-12-21", now, 21)).toBe("The stage must run at least 21 days: choose 2026-12-22 or later.");
    expect(closingDayRefusal("2026-12-22", now, 21)).toBeNull();
    expect(closingDayRefusal("2028-01-01", now, 21)).toBe("Choose a date within a year.");
  });
});

describe("stage deadlines", () => {
  it("starts consultation on submission with the published default, and endorsement with the secretariat's date within the minimum", async () => {
    setClock(new Date("2031-03-01T10:00:00Z"), { stopped: true });
    const who = await people();
    const norm = await submitted("A norm whose consultation starts its clock", who);
    expect((await row(norm.id)).stageClosesAt).toEqual(new Date("2031-05-01T00:00:00Z")); // 60 days: open through 30 April
    const page = await who.visitor.norms.get({ slug: norm.slug });
    expect(page.stage).toMatchObject({ stage: "consultation", lastDay: "2031-04-30", closed: false, daysLeft: 60 });
    // Every list that shows the norm shows its date: the proposer's own list and the site search too.
    expect((await who.proposer.norms.mine()).find((n) => n.slug === norm.slug)?.stage).toMatchObject({ lastDay: "2031-04-30", closed: false });
    const found = (await who.visitor.search.all({ q: "consultation starts its clock" })).proposals.items.find((n) => n.slug === norm.slug);
    expect(found?.stage).toMatchObject({ stage: "consultation", lastDay: "2031-04-30" });

    const early = who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding, lastDay: "2031-03-15" });
    await expect(early).rejects.toThrow(TRPCError);
    await expect(early).rejects.toMatchObject({ message: "The stage must run at least 21 days: choose 2031-03-22 or later." });
    await expect(who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding, lastDay: "2031-13-40" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const moved = await who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding, lastDay: "2031-04-10" });
    expect(moved.closesAt).toEqual(new Date("2031-04-11T00:00:00Z"));
    const events = await db.select().from(normEvents).where(and(eq(normEvents.normId, norm.id), eq(normEvents.type, "openEndorsement")));
    expect(events[0]?.closesAt).toEqual(new Date("2031-04-11T00:00:00Z"));

    await who.secretariat.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    expect(await row(norm.id)).toMatchObject({ status: "concluded", stageClosesAt: null, stageClosedAt: null });
    expect((await who.visitor.norms.get({ slug: norm.slug })).stage).toBeNull();
  });

  it("stops comments and revisions when consultation reaches its date, and records the close once at the tick", async () => {
    setClock(new Date("2031-03-01T10:00:00Z"));
    const who = await people();
    const norm = await submitted("A norm whose consultation closes on its date", who);
    const closesAt = (await row(norm.id)).stageClosesAt!;
    await who.representative.comments.create({ normId: norm.id, body: "A comment while consultation is open." });

    setClock(new Date(closesAt.getTime() - 1000));
    await who.representative.comments.create({ normId: norm.id, body: "A comment one second before the close." });

    setClock(closesAt);
    await expect(who.representative.comments.create({ normId: norm.id, body: "A comment at the close." })).rejects.toEqual(
      refusedWith("PRECONDITION_FAILED", /^Consultation on this norm closed on its date .*new comments and edits are closed\.$/),
    );
    await expect(
      who.proposer.norms.revise({ ...fields, title: "A norm whose consultation closes on its date", normId: norm.id, baseVersion: 1, changeSummary: "Too late." }),
    ).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /its text can no longer be revised/));
    // Closed by its date before the tick ran: the page already says so.
    expect((await who.visitor.norms.get({ slug: norm.slug })).stage).toMatchObject({ closed: true });
    const page = await who.proposer.norms.get({ slug: norm.slug });
    expect(page.viewer.canRevise).toBe(false);

    expect((await runTick(db, nullMailer)).stagesClosed).toBeGreaterThanOrEqual(1);
    expect((await row(norm.id)).stageClosedAt).toEqual(closesAt);
    expect((await runTick(db, nullMailer)).stagesClosed).toBe(0);
    const timeline = (await who.visitor.norms.get({ slug: norm.slug })).timeline;
    const closed = timeline.filter((e) => e.type === "stageClosed");
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ actorName: null, createdAt: closesAt, closesAt });
  });

  it("stops new and changed positions when endorsement reaches its date", async () => {
    setClock(new Date("2031-03-01T10:00:00Z"));
    const who = await people();
    const norm = await submitted("A norm whose endorsement closes on its date", who);
    await who.representative.positions.record({ normId: norm.id, organizationId: who.organization.id, stance: "abstain" });
    await who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    const closesAt = (await row(norm.id)).stageClosesAt!;
    expect(closesAt).toEqual(new Date("2031-04-16T00:00:00Z")); // 45 days
    setClock(new Date(closesAt.getTime() - 60_000));
    await who.representative.positions.record({ normId: norm.id, organizationId: who.organization.id, stance: "endorse" });
    setClock(closesAt);
    await expect(who.representative.positions.record({ normId: norm.id, organizationId: who.organization.id, stance: "object", statement: "We object to the second clause as drafted." })).rejects.toEqual(
      refusedWith("PRECONDITION_FAILED", /positions can no longer be recorded or changed/),
    );
    const [position] = await db.select().from(normPositions).where(eq(normPositions.normId, norm.id));
    expect(position?.stance).toBe("endorse");
    expect((await row(norm.id)).positionCount).toBe(1);
    // Comments stay open in endorsement: the clock closes positions there, not the discussion.
    await who.representative.comments.create({ normId: norm.id, body: "Awaiting the secretariat's decision." });
  });

  it("lets the secretariat extend a stage with a reason, reopening one that has closed, and never earlier", async () => {
    setClock(new Date("2031-03-01T10:00:00Z"));
    const who = await people();
    const norm = await submitted("A norm whose consultation is extended", who);
    const closesAt = (await row(norm.id)).stageClosesAt!;
    setClock(new Date(closesAt.getTime() + 3_600_000));
    await expect(who.secretariat.norms.extendStage({ normId: norm.id, lastDay: "2031-04-29", reason: "More time for regional consultations." })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "An extension must move the closing date later than 2031-04-30.",
    });
    await expect(who.secretariat.norms.extendStage({ normId: norm.id, lastDay: "2031-05-20", reason: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(who.proposer.norms.extendStage({ normId: norm.id, lastDay: "2031-05-20", reason: "More time for regional consultations." })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const extended = await who.secretariat.norms.extendStage({ normId: norm.id, lastDay: "2031-05-20", reason: "More time for regional consultations." });
    expect(extended.closesAt).toEqual(new Date("2031-05-21T00:00:00Z"));
    expect(await row(norm.id)).toMatchObject({ stageClosesAt: new Date("2031-05-21T00:00:00Z"), stageClosedAt: null });
    // Reopened: comments are taken again until the new date.
    await who.representative.comments.create({ normId: norm.id, body: "A comment after the extension." });
    const timeline = (await who.visitor.norms.get({ slug: norm.slug })).timeline.map((e) => [e.type, e.note]);
    // The close it passed is on the timeline before the extension that reopened it.
    expect(timeline.slice(-2)).toEqual([
      ["stageClosed", null],
      ["extended", "More time for regional consultations."],
    ]);
    // The home page still dates the stage from the move into it, not from the close or the extension.
    const listed = (await who.visitor.home.now()).consultation.items.find((n) => n.slug === norm.slug);
    expect(Math.abs(listed!.stageSince!.getTime() - Date.parse("2031-03-01T10:00:00Z"))).toBeLessThan(60_000);

    const concluded = await submitted("A concluded norm cannot be extended", who);
    await who.proposer.norms.withdraw({ normId: concluded.id, note: "" });
    await expect(who.secretariat.norms.extendStage({ normId: concluded.id, lastDay: "2031-05-20", reason: "More time for regional consultations." })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("lists norms past their date on the secretariat's desk, the longest waiting first", async () => {
    setClock(new Date("2032-01-01T10:00:00Z"));
    const who = await people();
    const first = await submitted("Desk: the first to close", who);
    setClock(new Date("2032-01-05T10:00:00Z"));
    const second = await submitted("Desk: the second to close", who);
    const open = await submitted("Desk: still open", who);
    await db.update(norms).set({ stageClosesAt: new Date("2032-06-01T00:00:00Z") }).where(eq(norms.id, open.id));
    setClock(new Date("2032-03-20T10:00:00Z"));
    const desk = await who.secretariat.norms.awaitingDecision();
    const slugs = desk.items.map((n) => n.slug);
    expect(slugs.indexOf(first.slug)).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf(first.slug)).toBeLessThan(slugs.indexOf(second.slug));
    expect(slugs).not.toContain(open.slug);
    expect(desk.items.find((n) => n.slug === first.slug)?.stage).toMatchObject({ closed: true, lastDay: "2032-03-01" });
    await expect(who.representative.norms.awaitingDecision()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows the date on an organisation's positions and on the reference norm a proposal cites", async () => {
    setClock(new Date("2033-05-02T10:00:00Z"), { stopped: true });
    const who = await people();
    const { slug } = await who.proposer.norms.create({ ...fields, title: "A norm citing 13(f) on the clock", citations: ["ungge-f"] });
    const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await who.proposer.norms.submit({ normId: norm.id });
    await who.representative.positions.record({ normId: norm.id, organizationId: who.organization.id, stance: "endorse" });
    const theirs = await who.visitor.positions.forOrganization({ slug: who.organization.slug });
    expect(theirs.positions.find((p) => p.norm.slug === slug)?.norm.stage).toMatchObject({ stage: "consultation", lastDay: "2033-07-01", closed: false });
    const cited = await who.visitor.references.norm({ id: "ungge-f" });
    expect(cited.citedBy.find((p) => p.slug === slug)?.stage).toMatchObject({ stage: "consultation", lastDay: "2033-07-01" });
  });

  it("ends a cached page at the next closing date", async () => {
    setClock(new Date("2033-02-01T10:00:00Z"));
    const who = await people();
    const norm = await submitted("A norm whose close ends cached pages", who);
    const closesAt = (await row(norm.id)).stageClosesAt!;
    const next = await nextRuleChange(db, new Date(closesAt.getTime() - 1000));
    expect(next).toEqual(closesAt);
  });
});

describe("the published rules", () => {
  it("lets an admin change a stage's lengths with a reason, kept in the history, and applies them to stages started afterwards", async () => {
    const who = await people();
    const before = await who.visitor.process.rules();
    expect(before.rules.map((r) => [r.stage, r.defaultDays, r.minimumDays])).toEqual([
      ["consultation", 60, 30],
      ["endorsement", 45, 21],
    ]);
    await expect(who.secretariat.process.changeRule({ stage: "consultation", defaultDays: 90, minimumDays: 30, reason: "States asked for longer consultations." })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(who.admin.process.changeRule({ stage: "consultation", defaultDays: 20, minimumDays: 30, reason: "States asked for longer consultations." })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    setClock(new Date("2034-01-10T08:00:00Z"), { stopped: true });
    await who.admin.process.changeRule({ stage: "consultation", defaultDays: 90, minimumDays: 30, reason: "States asked for longer consultations." });
    await expect(who.admin.process.changeRule({ stage: "consultation", defaultDays: 90, minimumDays: 30, reason: "The same again, by mistake." })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const after = await who.visitor.process.rules();
    expect(after.rules[0]).toMatchObject({ stage: "consultation", defaultDays: 90 });
    expect(after.changes[0]).toMatchObject({ stage: "consultation", defaultDaysFrom: 60, defaultDaysTo: 90, reason: "States asked for longer consultations." });
    const norm = await submitted("A norm submitted under the longer default", who);
    expect((await row(norm.id)).stageClosesAt).toEqual(new Date("2034-04-11T00:00:00Z")); // open through 10 April
    await db.delete(processSettingChanges).where(eq(processSettingChanges.stage, "consultation"));
    await db.execute(sql`update process_settings set default_days = 60 where stage = 'consultation'`);
  });
});

// Two connections racing at the close need PostgreSQL (PGlite has one connection).
describe.skipIf(!process.env.TEST_DATABASE_URL)("at the close, under real concurrency (PostgreSQL)", () => {
  it("refuses a position whose statement waited on the norm's lock while the tick closed the stage", async () => {
    setClock(new Date("2035-01-01T10:00:00Z"));
    const who = await people();
    const norm = await submitted("A norm closing while a position waits", who);
    await who.secretariat.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    const closesAt = (await row(norm.id)).stageClosesAt!;
    setClock(new Date(closesAt.getTime() - 1000));
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // The tick's transaction: takes the norm's lock, waits until the position is queued behind it, closes.
    const tick = db.transaction(async (tx) => {
      const [locking] = await tx
        .select({ id: norms.id, status: norms.status, currentVersion: norms.currentVersion, stageClosesAt: norms.stageClosesAt, stageClosedAt: norms.stageClosedAt })
        .from(norms)
        .where(eq(norms.id, norm.id))
        .for("no key update");
      locked();
      await holding;
      await recordCloseIfDue(tx, locking!, closesAt);
    });
    await lockTaken;
    const position = who.representative.positions.record({ normId: norm.id, organizationId: who.organization.id, stance: "endorse" });
    // Wait until the position's statement is blocked on the norm's row lock.
    for (let i = 0; i < 200; i++) {
      const waiting = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
      if ((waiting as unknown as { n: number }[])[0]!.n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    setClock(closesAt);
    release();
    await tick;
    await expect(position).rejects.toEqual(refusedWith("PRECONDITION_FAILED", /positions can no longer be recorded or changed/));
    expect(await db.select().from(normPositions).where(eq(normPositions.normId, norm.id))).toEqual([]);
    expect((await row(norm.id)).positionCount).toBe(0);
  });
});
