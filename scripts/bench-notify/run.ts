// The notification benchmark of issue 18 (`npm run bench:notify`, scripts/bench-notify.ts), on a
// fresh, migrated database:
// 1. the request that causes an event is not slowed by the followers it notifies: the same write
//    through the tRPC caller on a norm nobody follows (A) and on one 20,000 people follow (B),
//    interleaved A/B, median and p95 of each and their ratio. Two writes: publishing a new version
//    (norms.revise), which writes a "new version" event for the norm's followers, and recording a
//    position (positions.record), which the issue names but which tells no follower (it only makes
//    the organisation's representatives follow the norm);
// 2. the fan-out: fanOutAll() for one new version of B (every follower, with a mix of mail rhythms),
//    notifications per second;
// 3. sending: the raw sendOutboundMail() loop into a local SMTP sink, and the real job queue
//    (startJobQueue, pg-boss) from the write to the last mail accepted, mails per second.
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { type Database, type Db, resultRows } from "~/db/connect";
import { createOrganization } from "~/db/factories";
import { norms, users } from "~/db/schema";
import { loadActor } from "~/server/actor";
import type { Mailer } from "~/server/mail";
import { fanOutAll } from "~/server/notifications/fan-out";
import { startJobQueue } from "~/server/notifications/queue";
import { sendOutboundMail } from "~/server/notifications/send";
import { createCaller } from "~/server/root";
import { createInnerContext } from "~/server/trpc";
import { startCountingSink } from "./mail-sink";

export interface NotifyBenchOptions {
  /** Followers of norm B (the issue: 20,000). */
  followers: number;
  /** Interleaved A/B pairs measured per write, after `warmup` unmeasured pairs. */
  reps: number;
  warmup: number;
  /** Fan-outs of one new version of B, timed one by one. */
  fanOutRuns: number;
  /** Mails sent by each raw sendOutboundMail() loop (three: no SMTP, pooled, a connection per mail). */
  rawMails: number;
  /** Followers of norm C, all mailed immediately: the mails sent through the queue. */
  queueMails: number;
  /** The queue's measure stops after this long, however many mails arrived. */
  queueSeconds: number;
  /** The queue's polling interval (pg-boss's least is 0.5 s; the app's default is 2 s). */
  pollingSeconds: number;
}

export const FULL: NotifyBenchOptions = { followers: 20_000, reps: 200, warmup: 10, fanOutRuns: 3, rawMails: 200, queueMails: 120, queueSeconds: 120, pollingSeconds: 0.5 };
export const SMOKE: NotifyBenchOptions = { followers: 300, reps: 8, warmup: 2, fanOutRuns: 1, rawMails: 5, queueMails: 4, queueSeconds: 30, pollingSeconds: 0.5 };

/** The request's time with 20,000 followers is at most this times its time with none. */
export const RATIO_TARGET = 1.2;
/** The share of followers mailed at once; others daily (20%), never (10%), or weekly (the default). */
const IMMEDIATE_SHARE = "10%";

export interface Latency {
  medianMs: number;
  p95Ms: number;
  n: number;
}
export interface WriteResult {
  write: string;
  notifiesFollowers: boolean;
  none: Latency;
  followed: Latency;
  /** Median with followers / median without. */
  ratio: number;
  p95Ratio: number;
}
export interface NotifyBenchResult {
  options: NotifyBenchOptions;
  machine: { cpus: number; node: string; postgres: string };
  writes: WriteResult[];
  fanOut: { runs: { seconds: number; notifications: number; mails: number }[]; medianSeconds: number; notificationsPerSecond: number; notifiedByOneVersion: number; mailsPerVersion: number };
  rawSend: { how: string; mails: number; seconds: number; mailsPerSecond: number }[];
  queue: { mails: number; sent: number; seconds: number; firstMailSeconds: number | null; mailsPerSecond: number; pollingSeconds: number; timedOut: boolean };
}

const nullMailer: Mailer = {
  async send() {
    throw new Error("The measured writes send no mail themselves.");
  },
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), n: sorted.length };
}
const median = (xs: number[]) => latency(xs).medianMs;
async function timed(f: () => Promise<unknown>) {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}
const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => resultRows<T>(await db.execute(query));
const one = async (db: Db, query: ReturnType<typeof sql>) => Number((await rows<{ n: number | string }>(db, query))[0]!.n);

async function callerFor(db: Db, userId: string) {
  const [row] = await db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  const actor = await loadActor(db, { userId: row!.id, sessionVersion: row!.sessionVersion });
  return createCaller(createInnerContext({ db, actor, mailer: nullMailer }));
}

const normFields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};
const clausesOf = (version: number) => [`States should not harm CSIRTs (text ${version}).`, "States should cooperate with CSIRTs."];

/**
 * `count` confirmed accounts following `target` since an hour ago, inserted in one statement
 * (generate_series); with `mix`, their rhythms for the "norms" category are 10% immediately, 20%
 * daily, 10% off and the rest the default (weekly); without, all immediately.
 */
async function addFollowers(db: Db, tag: string, count: number, target: string, mix: boolean) {
  const rhythm = mix ? sql`case when x.i % 10 = 0 then 'immediately' when x.i % 10 in (1, 2) then 'daily' when x.i % 10 = 3 then 'off' end` : sql`'immediately'`;
  await db.execute(sql`
    with added as (
      insert into users (email, display_name, password_hash, email_verified_at, created_at)
      select 'bench-' || ${tag}::text || '-' || i || '@example.test', 'Follower ' || ${tag}::text || ' ' || i, 'x', now() - interval '1 day', now() - interval '1 day'
      from generate_series(1, ${count}::int) i
      returning id, email
    ), followed as (
      insert into follows (user_id, target, reason, created_at, updated_at)
      select id, ${target}::text, 'chosen', now() - interval '1 hour', now() - interval '1 hour' from added
    )
    insert into notification_preferences (user_id, category, rhythm)
    select x.id, 'norms', r.rhythm
    from (select id, split_part(split_part(email, '-', 3), '@', 1)::int as i from added) x
    cross join lateral (select ${rhythm} as rhythm) r
    where r.rhythm is not null`);
}

export async function benchNotify(database: Database, options: NotifyBenchOptions, progress: (line: string) => void = () => {}): Promise<NotifyBenchResult> {
  const { db } = database;
  const [proposerRow] = await db.insert(users).values({ email: `bench-proposer-${Date.now()}@example.test`, displayName: "Bench Proposer", passwordHash: "x", emailVerifiedAt: new Date() }).returning();
  const [representativeRow] = await db.insert(users).values({ email: `bench-representative-${Date.now()}@example.test`, displayName: "Bench Representative", passwordHash: "x", emailVerifiedAt: new Date() }).returning();
  const organization = await createOrganization(db, { name: "Bench Response Council", status: "verified", createdById: representativeRow!.id });
  const proposer = await callerFor(db, proposerRow!.id);
  const representative = await callerFor(db, representativeRow!.id);

  // A: followed by nobody but its proposer; B: by `followers` people too; C: the queue's mails.
  const makeNorm = async (title: string) => {
    const { slug } = await proposer.norms.create({ ...normFields, title, clauses: clausesOf(1) });
    const [row] = await db.select({ id: norms.id }).from(norms).where(eq(norms.slug, slug));
    await proposer.norms.submit({ normId: row!.id });
    return { id: row!.id, title, version: 1, positions: 0 };
  };
  const normA = await makeNorm("Protecting response teams, unfollowed");
  const normB = await makeNorm("Protecting response teams, widely followed");
  const normC = await makeNorm("Protecting response teams, mailed at once");
  progress(`Inserting ${options.followers.toLocaleString("en-GB")} followers of B and ${options.queueMails.toLocaleString("en-GB")} of C…`);
  await addFollowers(db, "b", options.followers, `norm:${normB.id}`, true);
  await addFollowers(db, "c", options.queueMails, `norm:${normC.id}`, false);
  await db.execute(sql`analyze users; analyze follows; analyze notification_preferences`);

  const revise = (norm: typeof normA) => async () => {
    await proposer.norms.revise({ ...normFields, title: norm.title, clauses: clausesOf(norm.version + 1), normId: norm.id, baseVersion: norm.version, changeSummary: `Bench revision ${norm.version + 1}.` });
    norm.version++;
  };
  const record = (norm: typeof normA) => async () => {
    // A change each time (a repeated position writes nothing): endorse, abstain, endorse…
    await representative.positions.record({ normId: norm.id, organizationId: organization.id, stance: norm.positions % 2 === 0 ? "endorse" : "abstain", statement: "" });
    norm.positions++;
  };

  // 1. The request: A and B interleaved (A B, B A, …) so a slow moment of the machine falls on both.
  const writes: WriteResult[] = [];
  for (const [write, notifiesFollowers, make] of [
    ["publish a new version (norms.revise)", true, revise],
    ["record a position (positions.record)", false, record],
  ] as const) {
    const samples = { a: [] as number[], b: [] as number[] };
    for (let i = 0; i < options.warmup + options.reps; i++) {
      const order = i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
      for (const which of order) {
        const ms = await timed(make(which === "a" ? normA : normB));
        if (i >= options.warmup) samples[which].push(ms);
      }
    }
    const none = latency(samples.a);
    const followed = latency(samples.b);
    writes.push({ write, notifiesFollowers, none, followed, ratio: followed.medianMs / none.medianMs, p95Ratio: followed.p95Ms / none.p95Ms });
    progress(`${write}: median ${none.medianMs.toFixed(2)} ms unfollowed, ${followed.medianMs.toFixed(2)} ms with ${options.followers} followers`);
  }

  // The measured writes' events are not fanned out (that would be 20,000 notifications each): set aside.
  await db.execute(sql`update notification_events set fanned_out_at = now() where fanned_out_at is null`);

  // 2. The fan-out of one new version of B, to every follower (and the representative, and the
  // "reaffirm needed" its position on an older version now asks for).
  const runs: NotifyBenchResult["fanOut"]["runs"] = [];
  const mailIds: string[] = [];
  let notifiedByOneVersion = 0;
  for (let r = 0; r < options.fanOutRuns; r++) {
    await revise(normB)();
    let result: Awaited<ReturnType<typeof fanOutAll>> | undefined;
    const ms = await timed(async () => {
      result = await fanOutAll(db);
    });
    runs.push({ seconds: ms / 1000, notifications: result!.notifications, mails: result!.mailIds.length });
    mailIds.push(...result!.mailIds);
    notifiedByOneVersion = await one(
      db,
      sql`select count(*) as n from notifications where event_id = (select max(id) from notification_events where kind = 'norm.version' and ${`norm:${normB.id}`} = any(targets))`,
    );
    progress(`fan-out ${r + 1}: ${result!.notifications} notifications, ${result!.mailIds.length} mails in ${(ms / 1000).toFixed(2)} s`);
  }
  const fanOutSeconds = median(runs.map((r) => r.seconds));
  const fanOutNotifications = median(runs.map((r) => r.notifications));

  // 3a. Sending, the raw loop: one mail after another, rendered and handed over, three ways: to a
  // mailer that does nothing (the app's own work: claim, read, render, mark sent), to the SMTP sink
  // over one pooled connection (SMTP_URL with ?pool=true), and as the app sends by default, a
  // connection per mail.
  const sink = await startCountingSink();
  const noop: Mailer = { send: async () => {} };
  const rawSend: NotifyBenchResult["rawSend"] = [];
  let next = 0;
  for (const [how, mailer] of [
    ["no SMTP (the app's own work)", noop],
    ["SMTP sink, pooled connection", sink.pooledMailer],
    ["SMTP sink, a connection per mail (default)", sink.mailer],
  ] as const) {
    const ids = mailIds.slice(next, next + options.rawMails);
    next += ids.length;
    let sent = 0;
    const elapsed = await timed(async () => {
      for (const id of ids) if ((await sendOutboundMail(db, mailer, id)) === "sent") sent++;
    });
    rawSend.push({ how, mails: sent, seconds: elapsed / 1000, mailsPerSecond: sent / (elapsed / 1000) });
    progress(`raw send, ${how}: ${sent} mails in ${(elapsed / 1000).toFixed(2)} s`);
  }
  // The other mails of the fan-outs are not sent: set aside, so the queue sends C's alone.
  await db.execute(sql`update outbound_mail set skipped_at = now() where sent_at is null and skipped_at is null`);

  // 3b. Through the queue: a new version of C, written as a request writes it; the queue wakes its
  // fan-out, which puts one mail job per follower on the queue; its worker sends them.
  const queue = await startJobQueue(database, sink.mailer, { tickCron: null, pollingIntervalSeconds: options.pollingSeconds, max: 3 });
  const before = sink.received;
  const started = performance.now();
  let firstAt: number | null = null;
  let timedOut = false;
  try {
    await revise(normC)();
    for (;;) {
      const got = sink.received - before;
      if (got > 0 && firstAt === null) firstAt = sink.lastAt;
      if (got >= options.queueMails) break;
      if (performance.now() - started > options.queueSeconds * 1000) {
        timedOut = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await queue.stop();
    await sink.close();
  }
  const queueSent = sink.received - before;
  const queueSeconds = ((queueSent > 0 ? sink.lastAt : performance.now()) - started) / 1000;
  progress(`queue: ${queueSent} of ${options.queueMails} mails in ${queueSeconds.toFixed(2)} s${timedOut ? " (stopped at the time limit)" : ""}`);

  const [version] = await rows<{ v: string }>(db, sql`select current_setting('server_version') as v`);
  const { availableParallelism } = await import("node:os");
  return {
    options,
    machine: { cpus: availableParallelism(), node: process.version, postgres: database.kind === "postgres" ? (version?.v ?? "?") : "PGlite" },
    writes,
    fanOut: { runs, medianSeconds: fanOutSeconds, notificationsPerSecond: fanOutNotifications / fanOutSeconds, notifiedByOneVersion, mailsPerVersion: median(runs.map((r) => r.mails)) },
    rawSend,
    queue: {
      mails: options.queueMails,
      sent: queueSent,
      seconds: queueSeconds,
      firstMailSeconds: firstAt === null ? null : (firstAt - started) / 1000,
      mailsPerSecond: queueSent / queueSeconds,
      pollingSeconds: options.pollingSeconds,
      timedOut,
    },
  };
}

export interface TableRow {
  measure: string;
  value: string;
  target: string;
  met: boolean | null;
}

const ms = (l: Latency) => `median ${l.medianMs.toFixed(2)} ms, p95 ${l.p95Ms.toFixed(2)} ms`;
const rate = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: n < 10 ? 2 : 0 });

/** The rows of the report: each measure, its value, its target and whether it is met (null: reported only). */
export function reportRows(r: NotifyBenchResult): TableRow[] {
  const f = r.options.followers.toLocaleString("en-GB");
  const out: TableRow[] = [];
  for (const w of r.writes) {
    out.push({ measure: `${w.write}, norm with 0 followers`, value: ms(w.none), target: "", met: null });
    out.push({ measure: `${w.write}, norm with ${f} followers`, value: ms(w.followed), target: "", met: null });
    out.push({ measure: `${w.write}: ${f} followers / 0 (medians)`, value: `${w.ratio.toFixed(2)} (p95 ${w.p95Ratio.toFixed(2)})`, target: `≤ ${RATIO_TARGET}`, met: w.ratio <= RATIO_TARGET });
  }
  out.push({ measure: "notified by one new version of the followed norm", value: r.fanOut.notifiedByOneVersion.toLocaleString("en-GB"), target: `≥ ${f}`, met: r.fanOut.notifiedByOneVersion >= r.options.followers });
  out.push({
    measure: `fan-out of one new version (${rate(r.fanOut.mailsPerVersion)} immediate mails, ${IMMEDIATE_SHARE} immediately)`,
    value: `${r.fanOut.medianSeconds.toFixed(2)} s, ${rate(r.fanOut.notificationsPerSecond)} notifications/s`,
    target: "reported",
    met: null,
  });
  for (const raw of r.rawSend) {
    out.push({ measure: `sending, sendOutboundMail() loop: ${raw.how}`, value: `${rate(raw.mailsPerSecond)} mails/s (${raw.mails} in ${raw.seconds.toFixed(1)} s)`, target: "reported", met: null });
  }
  out.push({
    measure: `sending through the queue, write to last mail (polling ${r.queue.pollingSeconds} s)`,
    value: `${rate(r.queue.mailsPerSecond)} mails/s (${r.queue.sent} of ${r.queue.mails} in ${r.queue.seconds.toFixed(1)} s${r.queue.timedOut ? ", time limit" : ""})`,
    target: "reported",
    met: null,
  });
  return out;
}

export function formatTable(r: NotifyBenchResult): string {
  const body = reportRows(r).map((row) => [row.measure, row.value, row.target || "", row.met === null ? "" : row.met ? "yes" : "NO"]);
  const head = ["measure", "value", "target", "met?"];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...body.map(line)].join("\n");
}

export function summaryLine(r: NotifyBenchResult): string {
  const failed = reportRows(r).filter((row) => row.met === false);
  const revise = r.writes.find((w) => w.notifiesFollowers)!;
  return `bench:notify ${failed.length === 0 ? "PASS" : "FAIL"}: new version ${revise.ratio.toFixed(2)}× with ${r.options.followers.toLocaleString("en-GB")} followers; fan-out ${rate(r.fanOut.notificationsPerSecond)} notifications/s; sending ${rate(r.rawSend.at(-1)!.mailsPerSecond)} mails/s raw (${rate(r.rawSend[0]!.mailsPerSecond)} without SMTP), ${rate(r.queue.mailsPerSecond)} mails/s through the queue${failed.length ? `; not met: ${failed.map((f) => f.measure).join("; ")}` : ""}`;
}
