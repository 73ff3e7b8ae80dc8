// Notification delivery end to end against a real database and a real SMTP sink (issue 18): the
// mail a change causes, digests, deadline reminders, one-click unsubscribe, retries through the job
// queue, two queue instances, and who never gets participation mail. Time-dependent rules run on
// the forum's clock, set here; the queue's own retries are waited for, never slept through.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { notificationPreferences, norms, outboundMail, stocktakes, suspensions } from "~/db/schema";
import { setClock } from "~/server/clock";
import { followTarget } from "~/server/domain/notifications";
import { emptyNarrative } from "~/server/domain/stocktakes";
import { unsubscribe } from "~/server/domain/unsubscribe";
import { deliverNow } from "~/server/notifications/deliver";
import { emitEvent } from "~/server/notifications/events";
import { startJobQueue } from "~/server/notifications/queue";
import { readUnsubscribe } from "~/server/notifications/unsubscribe-token";
import { runTick } from "~/server/tick";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { type MailSink, startMailSink } from "./support/mail-sink";

let database: Database;
let sink: MailSink;
beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.close();
  await database.close();
});
afterEach(() => setClock(null));

const DAY = 86_400_000;
const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not conduct or knowingly support activity to harm CSIRTs."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};
let count = 0;

async function publicNorm() {
  const proposer = await createUser(database.db);
  const api = await callerAs(database.db, proposer, sink.mailer);
  const { slug } = await api.norms.create({ ...fields, title: `Protecting response teams ${++count}` });
  const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await api.norms.submit({ normId: norm.id });
  let version = 1;
  const revise = async () => {
    await api.norms.revise({ ...fields, title: norm.title, normId: norm.id, baseVersion: version, clauses: [`Clause as of version ${version + 1}.`], changeSummary: "Tightened the text." });
    version++;
  };
  return { norm, slug, proposer, api, revise };
}

async function follower(target: string, rhythm?: "immediately" | "daily" | "weekly" | "off", category: "norms" | "deadlines" = "norms") {
  const user = await createUser(database.db);
  await database.db.insert((await import("~/db/schema")).follows).values({ userId: user.id, target, reason: "chosen" });
  if (rhythm) await database.db.insert(notificationPreferences).values({ userId: user.id, category, rhythm });
  return user;
}

const mailTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));

describe("a change of text", () => {
  it("sends a representative exactly one 'reaffirm needed' mail, with a plain-text and an HTML part and one-click unsubscribe", async () => {
    const { norm, revise } = await publicNorm();
    const representative = await createUser(database.db);
    const organization = await createOrganization(database.db, { createdById: representative.id, status: "verified", stakeholderType: "civil_society", region: "global" });
    const rep = await callerAs(database.db, representative);
    await rep.positions.record({ normId: norm.id, organizationId: organization.id, stance: "endorse", statement: "We support it." });
    await deliverNow(database.db, sink.mailer);
    const before = mailTo(representative.email).length;

    await revise();
    await deliverNow(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);

    const mails = mailTo(representative.email).slice(before);
    expect(mails).toHaveLength(1);
    const mail = { ...mails[0]!, raw: mails[0]!.raw.replace(/\r?\n[ \t]+/g, " ") };
    expect(mail.text).toMatch(/position on .* is on version 1; the text is now version 2/);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(mail.raw).toMatch(/List-Unsubscribe: <http[^>]+\/api\/unsubscribe\?token=/);
    expect(mail.raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    // The representative follows the norm now (their organisation took a position), but the
    // version's own notice waits for their weekly digest: one mail, not two.
    const notes = await rep.notifications.list({});
    expect(notes.items.map((n) => n.kind).sort()).toEqual(["norm.version", "position.reaffirm"]);
  });
});

describe("digests", () => {
  it("groups three events of a day in one daily digest, sent on the next day's first tick, once", async () => {
    const day = new Date("2031-03-04T09:00:00Z");
    setClock(day, { stopped: true });
    const first = await publicNorm();
    const second = await publicNorm();
    const reader = await follower(followTarget("norm", first.norm.id), "daily");
    await database.db.insert((await import("~/db/schema")).follows).values({ userId: reader.id, target: followTarget("norm", second.norm.id), reason: "chosen" });
    await first.revise();
    await first.revise();
    await second.revise();
    await deliverNow(database.db, sink.mailer);
    // The same day: nothing yet.
    await runTick(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);
    expect(mailTo(reader.email)).toHaveLength(0);

    setClock(new Date(day.getTime() + DAY), { stopped: true });
    await runTick(database.db, sink.mailer);
    await runTick(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);
    const mails = mailTo(reader.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toMatch(/Subject: Norms Forum daily digest: 3 updates/);
    // The plain-text part (the message also carries the HTML one).
    const text = mails[0]!.text.split(/Content-Type: text\/html/)[0]!;
    expect(text).toContain(first.norm.title);
    expect(text).toContain(second.norm.title);
    expect(text.match(/has a new text: version/g)).toHaveLength(3);
    // Grouped by norm: the first norm's two versions come together, before the second's.
    const at = (s: string) => text.indexOf(s);
    expect(at("version 2") < at("version 3")).toBe(true);
  });
});

describe("deadline reminders", () => {
  it("mails a follower 7 days before a stage closes, once, and again 1 day before", async () => {
    const { norm } = await publicNorm();
    const closes = new Date(Date.now() + 20 * DAY);
    await database.db.update(norms).set({ stageClosesAt: closes }).where(eq(norms.id, norm.id));
    const watcher = await follower(followTarget("norm", norm.id));

    setClock(new Date(closes.getTime() - 8 * DAY), { stopped: true });
    await runTick(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);
    expect(mailTo(watcher.email).filter((m) => /closes in/.test(m.text))).toHaveLength(0);

    setClock(new Date(closes.getTime() - 7 * DAY + 3600_000), { stopped: true });
    await runTick(database.db, sink.mailer);
    await runTick(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);
    const reminders = () => mailTo(watcher.email).filter((m) => /closes in/.test(m.text));
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.text).toMatch(/closes in 7 days/);

    setClock(new Date(closes.getTime() - 12 * 3600_000), { stopped: true });
    await runTick(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);
    expect(reminders()).toHaveLength(2);
    expect(reminders()[1]!.text).toMatch(/closes in 1 day/);
  });
});

describe("stock-take window reminders", () => {
  it("tells the year's followers once when the window opens and once 7 days before it closes", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    await database.db.insert(stocktakes).values({ year: 2077, opensOn: "2077-03-01", closesOn: "2077-04-30", narrative: emptyNarrative(), createdById: staff.id });
    const watcher = await follower(followTarget("stocktake", 2077), "immediately", "deadlines");
    await database.db.insert(notificationPreferences).values({ userId: watcher.id, category: "stocktakes", rhythm: "immediately" });
    const about = (pattern: RegExp) => mailTo(watcher.email).filter((m) => pattern.test(m.text));

    setClock(new Date("2077-02-28T12:00:00Z"), { stopped: true });
    await runTick(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);
    expect(about(/2077 stock-take/)).toHaveLength(0);

    setClock(new Date("2077-03-01T08:00:00Z"), { stopped: true });
    await runTick(database.db, sink.mailer);
    await runTick(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);
    expect(about(/2077 stock-take is open for statements/)).toHaveLength(1);

    setClock(new Date("2077-04-24T08:00:00Z"), { stopped: true });
    await runTick(database.db, sink.mailer);
    await runTick(database.db, sink.mailer);
    await deliverNow(database.db, sink.mailer);
    expect(about(/closes for statements in 7 days/)).toHaveLength(1);
    expect(about(/2077 stock-take is open for statements/)).toHaveLength(1);
  });
});

describe("one-click unsubscribe", () => {
  it("the token from the mail stops that category, and a forged token is refused", async () => {
    const { norm } = await publicNorm();
    const watcher = await follower(followTarget("norm", norm.id), "immediately");
    await emitEvent(database.db, { kind: "norm.stage", targets: [followTarget("norm", norm.id)], link: `/norms/${norm.slug}`, details: { norm: norm.title, slug: norm.slug, stage: "endorsement", outcome: null } });
    await deliverNow(database.db, sink.mailer);
    const raw = mailTo(watcher.email).at(-1)!.raw.replace(/=\r?\n/g, "").replace(/\r?\n\s+/g, " ");
    const token = decodeURIComponent(raw.match(/List-Unsubscribe: <[^>]*token=([^>]+)>/)![1]!);
    expect(readUnsubscribe(token)).toEqual({ userId: watcher.id, categories: ["norms"] });

    expect(await unsubscribe(database.db, { token }, "192.0.2.1")).toEqual({ categories: ["norms"], off: true });
    await emitEvent(database.db, { kind: "norm.stage", targets: [followTarget("norm", norm.id)], link: `/norms/${norm.slug}`, details: { norm: norm.title, slug: norm.slug, stage: "concluded", outcome: null } });
    const before = mailTo(watcher.email).length;
    await deliverNow(database.db, sink.mailer);
    expect(mailTo(watcher.email)).toHaveLength(before);

    const [payload] = token.split(".");
    await expect(unsubscribe(database.db, { token: `${payload}.forged-signature-xxxxxxxx` }, "192.0.2.1")).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

describe("who gets participation mail", () => {
  it("never a suspended person, nor an unconfirmed address; a suspended person still hears of a moderation decision", async () => {
    const { norm } = await publicNorm();
    const suspended = await follower(followTarget("norm", norm.id), "immediately");
    const staff = await createUser(database.db, { role: "secretariat" });
    await database.db.insert(suspensions).values({ userId: suspended.id, reason: "Repeated abuse.", createdById: staff.id, imposedByRole: "secretariat" });
    const unconfirmed = await createUser(database.db, { verified: false });
    await database.db.insert((await import("~/db/schema")).follows).values({ userId: unconfirmed.id, target: followTarget("norm", norm.id), reason: "chosen" });
    await database.db.insert(notificationPreferences).values({ userId: unconfirmed.id, category: "norms", rhythm: "immediately" });
    const confirmed = await follower(followTarget("norm", norm.id), "immediately");

    await emitEvent(database.db, { kind: "norm.stage", targets: [followTarget("norm", norm.id)], link: `/norms/${norm.slug}`, details: { norm: norm.title, slug: norm.slug, stage: "endorsement", outcome: null } });
    await emitEvent(database.db, { kind: "moderation.decision", recipientIds: [suspended.id], link: `/norms/${norm.slug}`, details: { norm: norm.title, slug: norm.slug, decision: "hidden" } });
    await database.db.insert(notificationPreferences).values({ userId: suspended.id, category: "moderation", rhythm: "immediately" });
    await deliverNow(database.db, sink.mailer);

    expect(mailTo(confirmed.email)).toHaveLength(1);
    expect(mailTo(unconfirmed.email)).toHaveLength(0);
    const toSuspended = mailTo(suspended.email);
    expect(toSuspended).toHaveLength(1);
    expect(toSuspended[0]!.text).toMatch(/was hidden by the secretariat/);
    // They still see both in the notification centre.
    const api = await callerAs(database.db, suspended);
    expect((await api.notifications.list({})).items.map((n) => n.kind).sort()).toEqual(["moderation.decision", "norm.stage"]);
  });
});

/** Waits (polling, bounded) until `check` holds: the queue's workers run on their own time. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting for the job queue");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("through the job queue", () => {
  it("retries a mail the SMTP server refused, and exactly one arrives", async () => {
    const refusing = await startMailSink({ refuse: 1 });
    const queue = await startJobQueue(database, refusing.mailer, { tickCron: null, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 });
    try {
      const { norm } = await publicNorm();
      const watcher = await follower(followTarget("norm", norm.id), "immediately");
      await emitEvent(database.db, { kind: "norm.stage", targets: [followTarget("norm", norm.id)], link: `/norms/${norm.slug}`, details: { norm: norm.title, slug: norm.slug, stage: "endorsement", outcome: null } });
      await queue.nudge();
      await until(() => refusing.messages.some((m) => m.to.includes(watcher.email)));
      const [row] = await database.db.select().from(outboundMail).where(eq(outboundMail.userId, watcher.id));
      expect(row).toMatchObject({ attempts: 2 });
      expect(row!.sentAt).not.toBeNull();
      // Give any duplicate the time to show up: a further poll of every queue.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(refusing.messages.filter((m) => m.to.includes(watcher.email))).toHaveLength(1);
    } finally {
      await queue.stop();
      await refusing.close();
    }
  }, 60_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)("two instances running the queue send one mail per event and person", async () => {
    const shared = await startMailSink();
    const { openPostgres } = await import("~/db/connect");
    const url = (database.queueConnection as { connectionString: string }).connectionString;
    const second = openPostgres(url, { max: 5 });
    const queues = await Promise.all([
      startJobQueue(database, shared.mailer, { tickCron: null, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 }),
      startJobQueue(second, shared.mailer, { tickCron: null, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 }),
    ]);
    try {
      const { norm } = await publicNorm();
      const watchers = await Promise.all(Array.from({ length: 12 }, () => follower(followTarget("norm", norm.id), "immediately")));
      for (const stage of ["endorsement", "concluded"]) {
        await emitEvent(database.db, { kind: "norm.stage", targets: [followTarget("norm", norm.id)], link: `/norms/${norm.slug}`, details: { norm: norm.title, slug: norm.slug, stage, outcome: null } });
      }
      await Promise.all(queues.map((q) => q.nudge()));
      await until(() => watchers.every((w) => shared.messages.filter((m) => m.to.includes(w.email)).length >= 2));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (const w of watchers) expect(shared.messages.filter((m) => m.to.includes(w.email))).toHaveLength(2);
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
      await second.close();
      await shared.close();
    }
  }, 90_000);
});
