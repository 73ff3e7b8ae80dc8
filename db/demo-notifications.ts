// A notification history for every demo account (issue 18), drawn from the demo data the other
// modules made, so the header's count, /notifications and /account/notifications have something to
// show on first start. The demo's data is inserted rather than made through the domain, so this
// writes what the domain would have: the follows taking part brings (proposer, position, comment,
// stock-take filing) dated by the act, some chosen follows, and the events of the last weeks with
// the kinds, details and links the domain and the tick write (server/domain/*.ts,
// server/notifications/norm-events.ts, server/notifications/scheduled.ts), dated when they happened.
// They are fanned out by the real fan-out (server/notifications/fan-out.ts), then the mail is put
// where it would be now: a mail sent at once, or a digest already sent for a past period; what no
// digest has carried yet is not mailed. So a demo start sends no mail, and its first tick writes no
// reminder already written here. Each person has read all but their newest few.
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "./connect";
import {
  amendments,
  comments,
  follows,
  implementationStatements,
  joinRequests,
  moderationLog,
  normEvents,
  normPositionHistory,
  normPositions,
  norms,
  normVersions,
  notificationEvents,
  notificationPreferences,
  notifications,
  observationOrganizations,
  observations,
  organizationMembers,
  organizations,
  outboundMail,
  sealedPositions,
  stocktakeItems,
  stocktakeRevisions,
  stocktakes,
  users,
} from "./schema";
import { demoAccounts } from "./seed";
import { DEMO_FORMER_REPRESENTATIVE, DEMO_NOMINEE } from "./demo-representation";
import { clock } from "~/server/clock";
import { followTarget } from "~/server/domain/notifications";
import { fanOutAll } from "~/server/notifications/fan-out";
import { digestKey, periodStart } from "~/server/notifications/digests";
import { writeDueReminders } from "~/server/notifications/scheduled";
import { defaultRhythm, eventCategory, type EventKind, type FollowReason, type MailRhythm, type NotificationCategory } from "~/server/schemas/notification-vocabulary";

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
/** How far back the history goes: events of the norms' lives and discussions in these weeks. */
const HISTORY_DAYS = 8 * 7;
/** Chosen follows date from before the history, so their followers hear of all of it. */
const CHOSEN_DAYS_AGO = 120;
/** Unread: each person's newest, and up to three of the last days. */
const UNREAD_DAYS = 9;
const UNREAD_AT_MOST = 3;

/** Someone who left Germany's foreign office asks to join the Digital Rights Collective: rep@ has a request to decide. */
const JOIN_REQUEST = {
  organization: "digital-rights-collective",
  email: DEMO_FORMER_REPRESENTATIVE,
  message: "I left the foreign office in the autumn and now work on digital rights; I would like to follow your positions and comment for you.",
  daysAgo: 6,
};

type ChosenTarget = { type: "forum" } | { type: "norm"; slug: string } | { type: "organization"; slug: string } | { type: "stocktake"; year: "this" | "last" };

/** What some people chose to follow, besides what taking part made them follow (a function: ./seed.ts imports this module). */
const chosenFollows = (): { email: string; targets: ChosenTarget[] }[] => [
  { email: demoAccounts.member, targets: [{ type: "forum" }, { type: "norm", slug: "integrity-of-ict-supply-chains-and-software-updates" }, { type: "organization", slug: "open-networks-ltd" }, { type: "stocktake", year: "this" }] },
  { email: demoAccounts.representative, targets: [{ type: "forum" }, { type: "norm", slug: "preserving-the-integrity-of-financial-system-data" }] },
  { email: demoAccounts.otherRepresentative, targets: [{ type: "norm", slug: "protecting-electoral-infrastructure" }, { type: "organization", slug: "digital-rights-collective" }] },
  { email: demoAccounts.secretariat, targets: [{ type: "forum" }, { type: "stocktake", year: "this" }, { type: "stocktake", year: "last" }] },
  { email: demoAccounts.admin, targets: [{ type: "forum" }, { type: "stocktake", year: "last" }] },
  { email: demoAccounts.suspended, targets: [{ type: "forum" }, { type: "norm", slug: "protecting-the-public-core-of-the-internet" }] },
  { email: DEMO_NOMINEE, targets: [{ type: "organization", slug: "ministry-of-foreign-affairs-of-japan" }, { type: "norm", slug: "integrity-of-ict-supply-chains-and-software-updates" }, { type: "stocktake", year: "this" }] },
  { email: DEMO_FORMER_REPRESENTATIVE, targets: [{ type: "forum" }, { type: "organization", slug: "federal-foreign-office-of-germany" }] },
  { email: "delegate.cpo@demo.normsforum.example", targets: [{ type: "forum" }, { type: "stocktake", year: "this" }] },
  { email: "delegate.icps@demo.normsforum.example", targets: [{ type: "forum" }, { type: "organization", slug: "coalition-for-secure-networks" }] },
  { email: "delegate.csn@demo.normsforum.example", targets: [{ type: "forum" }, { type: "norm", slug: "protecting-the-public-core-of-the-internet" }] },
  { email: "delegate.anog@demo.normsforum.example", targets: [{ type: "forum" }, { type: "stocktake", year: "this" }] },
  { email: "delegate.apdtn@demo.normsforum.example", targets: [{ type: "forum" }, { type: "organization", slug: "cyber-peace-observatory" }] },
  { email: "delegate.isc@demo.normsforum.example", targets: [{ type: "forum" }] },
  { email: "delegate.apa@demo.normsforum.example", targets: [{ type: "stocktake", year: "this" }] },
];

/** Mail rhythms other than the defaults: a daily digest, mail at once, mail off. */
const chosenRhythms = (): { email: string; rhythms: Partial<Record<NotificationCategory, MailRhythm>> }[] => [
  { email: demoAccounts.member, rhythms: { norms: "daily", proposals: "daily", discussion: "daily" } },
  { email: demoAccounts.otherRepresentative, rhythms: { discussion: "immediately", organization: "immediately" } },
  { email: demoAccounts.admin, rhythms: { proposals: "off", stocktakes: "daily" } },
  { email: "delegate.jp@demo.normsforum.example", rhythms: { reaffirm: "daily", norms: "daily" } },
];

interface DemoEvent {
  kind: EventKind;
  targets?: string[];
  recipientIds?: string[];
  actorId: string | null;
  link: string;
  details: Record<string, string | number | null>;
  at: Date;
}

interface DemoFollow {
  userId: string;
  target: string;
  reason: FollowReason;
  at: Date;
}

export async function seedDemoNotifications(tx: Tx) {
  const nowMs = clock.nowMs();
  const now = new Date(nowMs);
  const since = nowMs - HISTORY_DAYS * DAY;
  const inHistory = (at: Date | null | undefined): at is Date => Boolean(at) && at!.getTime() >= since && at!.getTime() <= nowMs;
  const thisYear = now.getUTCFullYear();

  const [people, orgRows, normRows, members] = await Promise.all([
    tx.select({ id: users.id, email: users.email, displayName: users.displayName }).from(users),
    tx.select({ id: organizations.id, slug: organizations.slug, name: organizations.name, verificationStatus: organizations.verificationStatus, statusChangedAt: organizations.statusChangedAt, statusChangedById: organizations.statusChangedById }).from(organizations),
    tx.select({ id: norms.id, slug: norms.slug, title: norms.title, proposerId: norms.proposerId, currentVersion: norms.currentVersion, createdAt: norms.createdAt, submittedAt: norms.submittedAt }).from(norms),
    tx.select({ organizationId: organizationMembers.organizationId, userId: organizationMembers.userId, role: organizationMembers.role }).from(organizationMembers),
  ]);
  const person = (email: string) => people.find((p) => p.email === email) ?? missing(email);
  const personById = new Map(people.map((p) => [p.id, p]));
  const orgById = new Map(orgRows.map((o) => [o.id, o]));
  const org = (slug: string) => orgRows.find((o) => o.slug === slug) ?? missing(slug);
  const normById = new Map(normRows.map((n) => [n.id, n]));
  const norm = (slug: string) => normRows.find((n) => n.slug === slug) ?? missing(slug);
  const representatives = (organizationId: string) => members.filter((m) => m.organizationId === organizationId && m.role === "representative").map((m) => m.userId);
  const isPublic = (n: { submittedAt: Date | null }) => n.submittedAt !== null;

  // Follows: what taking part made each person follow, dated by the act, and what they chose.
  const follow: DemoFollow[] = [];
  for (const n of normRows) follow.push({ userId: n.proposerId, target: followTarget("norm", n.id), reason: "proposer", at: n.createdAt });
  const [positionRows, sealedRows, commentRows, statementRows] = await Promise.all([
    tx.select({ normId: normPositionHistory.normId, organizationId: normPositionHistory.organizationId, kind: normPositionHistory.kind, version: normPositionHistory.version, at: normPositionHistory.recordedAt }).from(normPositionHistory),
    tx.select({ normId: sealedPositions.normId, organizationId: sealedPositions.organizationId, at: sealedPositions.recordedAt }).from(sealedPositions),
    tx
      .select({ id: comments.id, normId: comments.normId, threadId: comments.threadId, parentId: comments.parentId, authorId: comments.authorId, organizationId: comments.organizationId, status: comments.status, amendmentId: comments.amendmentId, at: comments.createdAt })
      .from(comments),
    tx
      .select({ organizationId: implementationStatements.organizationId, year: stocktakes.year, opensOn: stocktakes.opensOn })
      .from(implementationStatements)
      .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
      .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId)),
  ]);
  for (const p of [...positionRows, ...sealedRows]) {
    for (const userId of representatives(p.organizationId)) follow.push({ userId, target: followTarget("norm", p.normId), reason: "position", at: p.at });
  }
  for (const c of commentRows) follow.push({ userId: c.authorId, target: followTarget("thread", c.threadId), reason: "comment", at: c.at });
  for (const s of statementRows) {
    // Filed a week into the window.
    const at = new Date(new Date(`${s.opensOn}T09:00:00Z`).getTime() + 7 * DAY);
    for (const userId of representatives(s.organizationId)) follow.push({ userId, target: followTarget("stocktake", s.year), reason: "stocktake", at });
  }
  const chosenAt = new Date(nowMs - CHOSEN_DAYS_AGO * DAY);
  for (const c of chosenFollows()) {
    const userId = person(c.email).id;
    for (const t of c.targets) {
      const target =
        t.type === "forum"
          ? followTarget("forum")
          : t.type === "norm"
            ? followTarget("norm", norm(t.slug).id)
            : t.type === "organization"
              ? followTarget("organization", org(t.slug).id)
              : followTarget("stocktake", t.year === "this" ? thisYear : thisYear - 1);
      follow.push({ userId, target, reason: "chosen", at: chosenAt });
    }
  }
  // The earliest act makes the follow (later ones find it there, as autoFollow's insert does); a chosen one wins.
  const followRows = new Map<string, DemoFollow>();
  for (const f of follow.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const key = `${f.userId} ${f.target}`;
    const known = followRows.get(key);
    if (!known) followRows.set(key, f);
    else if (f.reason === "chosen") followRows.set(key, { ...known, reason: "chosen" });
  }
  const followers = (target: string, before: Date) => [...followRows.values()].filter((f) => f.target === target && f.at <= before).map((f) => f.userId);
  await tx.insert(follows).values([...followRows.values()].map((f) => ({ userId: f.userId, target: f.target, reason: f.reason, createdAt: f.at, updatedAt: f.at })));

  const events: DemoEvent[] = [];
  const normRef = (n: { title: string; slug: string }) => ({ norm: n.title, slug: n.slug });

  // A norm's own life (server/notifications/norm-events.ts): submission, new versions with
  // "reaffirm needed" to organisations whose position was then on an older version, stage changes.
  const timeline = await tx
    .select({ normId: normEvents.normId, type: normEvents.type, toStatus: normEvents.toStatus, version: normEvents.version, actorId: normEvents.actorId, note: normEvents.note, at: normEvents.createdAt })
    .from(normEvents)
    .where(inArray(normEvents.type, ["submit", "revised", "openEndorsement", "conclude", "withdraw", "merge", "returnToConsultation"]));
  const asked = new Set<string>();
  const reaffirm = (n: (typeof normRows)[number], version: number, actorId: string | null, at: Date) => {
    const standing = new Map<string, (typeof positionRows)[number]>();
    for (const p of positionRows.filter((p) => p.normId === n.id && p.at < at).sort((a, b) => a.at.getTime() - b.at.getTime())) standing.set(p.organizationId, p);
    for (const p of standing.values()) {
      if (p.kind === "withdrawn" || p.version >= version) continue;
      const o = orgById.get(p.organizationId)!;
      asked.add(`${n.id} ${o.id} ${version}`);
      events.push({
        kind: "position.reaffirm",
        recipientIds: representatives(o.id),
        actorId,
        link: `/norms/${n.slug}#record-position-heading`,
        details: { ...normRef(n), organization: o.name, positionVersion: p.version, version },
        at,
      });
    }
  };
  for (const e of timeline) {
    const n = normById.get(e.normId)!;
    if (!inHistory(e.at)) continue;
    if (e.type === "submit") {
      events.push({ kind: "norm.submitted", targets: [followTarget("forum"), followTarget("norm", n.id)], actorId: e.actorId, link: `/norms/${n.slug}`, details: normRef(n), at: e.at });
    } else if (e.type === "revised") {
      if (!isPublic(n) || n.submittedAt! > e.at || e.version === null) continue;
      events.push({ kind: "norm.version", targets: [followTarget("norm", n.id)], actorId: e.actorId, link: `/norms/${n.slug}/redline?from=${e.version - 1}&to=${e.version}`, details: { ...normRef(n), version: e.version }, at: e.at });
      reaffirm(n, e.version, e.actorId, new Date(e.at.getTime() + 1));
    } else if (e.toStatus) {
      events.push({ kind: "norm.stage", targets: [followTarget("norm", n.id)], actorId: e.actorId, link: `/norms/${n.slug}#timeline-heading`, details: { ...normRef(n), stage: e.toStatus, outcome: e.note }, at: e.at });
    }
  }

  // Amendments (server/domain/amendments.ts): proposed, accepted (a new version: reaffirm), declined.
  const amendmentRows = await tx
    .select({ id: amendments.id, normId: amendments.normId, number: amendments.number, clause: amendments.clause, authorId: amendments.authorId, state: amendments.state, decidedById: amendments.decidedById, decidedAt: amendments.decidedAt, acceptedVersion: amendments.acceptedVersion, at: amendments.createdAt })
    .from(amendments);
  for (const a of amendmentRows) {
    const n = normById.get(a.normId)!;
    const base = { targets: [followTarget("norm", n.id)], link: `/norms/${n.slug}/amendments/${a.number}`, details: { ...normRef(n), clause: a.clause } };
    if (inHistory(a.at)) events.push({ ...base, kind: "amendment.proposed", actorId: a.authorId, at: a.at });
    if ((a.state === "accepted" || a.state === "declined") && inHistory(a.decidedAt)) {
      events.push({ ...base, kind: a.state === "accepted" ? "amendment.accepted" : "amendment.declined", recipientIds: [a.authorId], actorId: a.decidedById, at: a.decidedAt });
      if (a.state === "accepted" && a.acceptedVersion) reaffirm(n, a.acceptedVersion, a.decidedById, new Date(a.decidedAt.getTime() + 1));
    }
  }

  // A current position on an older text not asked about above (the demo records some positions on
  // an earlier version after the newer one was made): asked a day after it, or after the text changed.
  const [current, versionRows] = await Promise.all([
    tx.select({ normId: normPositions.normId, organizationId: normPositions.organizationId, version: normPositions.version, at: normPositions.recordedAt }).from(normPositions),
    tx.select({ normId: normVersions.normId, number: normVersions.number, at: normVersions.createdAt }).from(normVersions),
  ]);
  for (const p of current) {
    const n = normById.get(p.normId)!;
    if (!isPublic(n) || p.version >= n.currentVersion || asked.has(`${n.id} ${p.organizationId} ${n.currentVersion}`)) continue;
    const changed = versionRows.find((v) => v.normId === n.id && v.number === n.currentVersion)!.at;
    const at = new Date(Math.min(Math.max(p.at.getTime() + DAY, changed.getTime()), nowMs));
    if (!inHistory(at)) continue;
    const o = orgById.get(p.organizationId)!;
    events.push({
      kind: "position.reaffirm",
      recipientIds: representatives(o.id),
      actorId: null,
      link: `/norms/${n.slug}#record-position-heading`,
      details: { ...normRef(n), organization: o.name, positionVersion: p.version, version: n.currentVersion },
      at,
    });
  }

  // The discussion (server/domain/comments.ts): the author replied to, the norm's authors, the
  // thread's other followers, each once; a comment since hidden is left out.
  const commentById = new Map(commentRows.map((c) => [c.id, c]));
  const amendmentById = new Map(amendmentRows.map((a) => [a.id, a]));
  for (const c of commentRows.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const n = normById.get(c.normId)!;
    if (c.status !== "visible" || !isPublic(n) || !inHistory(c.at)) continue;
    const author = personById.get(c.authorId)!;
    const amendment = c.amendmentId ? amendmentById.get(c.amendmentId) : undefined;
    const place = amendment ? `/norms/${n.slug}/amendments/${amendment.number}` : `/norms/${n.slug}`;
    const base = {
      actorId: c.authorId,
      link: `${place}#comment-${c.id}`,
      details: { person: author.displayName, ...(c.organizationId && orgById.has(c.organizationId) ? { onBehalfOf: orgById.get(c.organizationId)!.name } : {}), ...normRef(n) },
      at: c.at,
    };
    const told = new Set([c.authorId]);
    const parentAuthor = c.parentId ? commentById.get(c.parentId)?.authorId : undefined;
    if (parentAuthor && !told.has(parentAuthor)) {
      told.add(parentAuthor);
      events.push({ ...base, kind: "comment.reply", recipientIds: [parentAuthor] });
    }
    if (!told.has(n.proposerId)) {
      told.add(n.proposerId);
      events.push({ ...base, kind: "comment.on_norm", recipientIds: [n.proposerId] });
    }
    if (c.threadId !== c.id) {
      const others = [...new Set(followers(followTarget("thread", c.threadId), new Date(c.at.getTime() - 1)))].filter((id) => !told.has(id));
      if (others.length) events.push({ ...base, kind: "comment.thread", recipientIds: others });
    }
  }

  // Moderation (server/domain/moderation.ts): the author of a hidden comment hears of it.
  const hidden = await tx
    .select({ commentId: moderationLog.commentId, action: moderationLog.action, actorId: moderationLog.actorId, at: moderationLog.createdAt })
    .from(moderationLog)
    .where(and(isNotNull(moderationLog.commentId), inArray(moderationLog.action, ["hide", "restore"])));
  for (const m of hidden) {
    const c = commentById.get(m.commentId!);
    if (!c || !inHistory(m.at)) continue;
    const n = normById.get(c.normId)!;
    events.push({ kind: "moderation.decision", recipientIds: [c.authorId], actorId: m.actorId, link: `/account#comment-${c.id}`, details: { decision: m.action === "hide" ? "hidden" : "restored", ...normRef(n) }, at: m.at });
  }

  // A join request waiting for rep@ (server/domain/organizations.ts), made here with its event.
  const joining = org(JOIN_REQUEST.organization);
  const joiner = person(JOIN_REQUEST.email);
  const askedAt = new Date(nowMs - JOIN_REQUEST.daysAgo * DAY);
  await tx.insert(joinRequests).values({ organizationId: joining.id, userId: joiner.id, message: JOIN_REQUEST.message, createdAt: askedAt });
  events.push({
    kind: "organization.join_request",
    recipientIds: representatives(joining.id),
    actorId: joiner.id,
    link: `/organizations/${joining.slug}/manage#requests`,
    details: { person: joiner.displayName, organization: joining.name },
    at: askedAt,
  });

  // A verification revoked (server/domain/verification.ts): its representatives and followers hear of it.
  for (const o of orgRows) {
    if (o.verificationStatus !== "revoked" || !o.statusChangedAt || o.statusChangedAt.getTime() > nowMs) continue;
    events.push({
      kind: "organization.verification",
      targets: [followTarget("organization", o.id)],
      recipientIds: representatives(o.id),
      actorId: o.statusChangedById,
      link: `/organizations/${o.slug}`,
      details: { organization: o.name, outcome: "revoked" },
      at: o.statusChangedAt,
    });
  }

  // This year's accepted observations name organisations (server/domain/stocktakes.ts): they may
  // reply until the report is published.
  const named = await tx
    .select({ id: observations.id, organizationId: observationOrganizations.organizationId, year: stocktakes.year, actorId: observations.reviewedById, at: observations.reviewedAt })
    .from(observations)
    .innerJoin(observationOrganizations, eq(observationOrganizations.observationId, observations.id))
    .innerJoin(stocktakes, eq(stocktakes.id, observations.stocktakeId))
    .where(and(eq(observations.status, "accepted"), eq(stocktakes.year, thisYear), isNotNull(observations.reviewedAt)));
  for (const o of named) {
    if (!o.at || o.at.getTime() > nowMs) continue;
    const organization = orgById.get(o.organizationId)!;
    events.push({ kind: "organization.observed", recipientIds: representatives(organization.id), actorId: o.actorId, link: `/stocktakes/${o.year}#observation-${o.id}`, details: { organization: organization.name, year: o.year, replyBy: "none" }, at: o.at });
  }

  // Last year's report and its erratum (server/domain/stocktakes.ts), to the year's and the forum's followers.
  const revisions = await tx
    .select({ year: stocktakes.year, revision: stocktakeRevisions.revision, hash: stocktakeRevisions.sha256, actorId: stocktakeRevisions.publishedById, at: stocktakeRevisions.publishedAt })
    .from(stocktakeRevisions)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId));
  for (const r of revisions) {
    if (r.at.getTime() > nowMs) continue;
    events.push({
      kind: r.revision === 1 ? "stocktake.published" : "stocktake.erratum",
      targets: [followTarget("stocktake", r.year), followTarget("forum")],
      actorId: r.actorId,
      link: r.revision === 1 ? `/stocktakes/${r.year}` : `/stocktakes/${r.year}/revisions/${r.revision}`,
      details: { year: r.year, revision: r.revision, hash: r.hash },
      at: r.at,
    });
  }

  if (events.some((e) => e.at.getTime() > nowMs)) throw new Error("A demo notification is dated in the future.");
  const ordered = events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (let i = 0; i < ordered.length; i += 200) {
    await tx.insert(notificationEvents).values(
      ordered.slice(i, i + 200).map((e) => ({
        kind: e.kind,
        category: eventCategory[e.kind],
        targets: [...new Set(e.targets ?? [])],
        recipientIds: [...new Set(e.recipientIds ?? [])],
        actorId: e.actorId,
        link: e.link,
        details: e.details,
        createdAt: e.at,
      })),
    );
  }

  // The reminders the tick wrote (a stage closing in 7 days and in 1 day, a stock-take window
  // opening or closing in 7 days), each on the day it came due, and once more now: the first real
  // tick finds them written (their dedupe keys). The days that can bring one: the last week (the
  // demo's stages close from now on), and the days a stock-take window opened or came within a week of closing.
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 5 * MINUTE;
  const windows = await tx.select({ opensOn: stocktakes.opensOn, closesOn: stocktakes.closesOn }).from(stocktakes);
  const ticks = new Set<number>();
  for (let day = 8; day >= 0; day--) ticks.add(today - day * DAY);
  for (const w of windows) {
    for (const day of [Date.parse(`${w.opensOn}T00:05:00Z`), Date.parse(`${w.closesOn}T00:05:00Z`) - 7 * DAY]) if (day >= chosenAt.getTime()) ticks.add(day);
  }
  for (const tick of [...ticks].filter((t) => t < nowMs).sort((a, b) => a - b)) await writeDueReminders(tx, new Date(tick));
  await writeDueReminders(tx, now);

  // Mail rhythms, then the real fan-out (its savepoint inside the seed's transaction).
  const rhythmRows = chosenRhythms().flatMap((c) => Object.entries(c.rhythms).map(([category, rhythm]) => ({ userId: person(c.email).id, category: category as NotificationCategory, rhythm, updatedAt: chosenAt })));
  await tx.insert(notificationPreferences).values(rhythmRows);
  await fanOutAll(tx);
  await settleMail(tx, now, rhythmRows);
  await markRead(tx, now);
}

/**
 * The mail as it would stand now: each mail sent at once went a minute after its event; what waited
 * for a digest went in that period's digest, sent at its first tick, if that tick is past; what no
 * digest has carried yet is not mailed (so a demo start sends nothing).
 */
async function settleMail(tx: Tx, now: Date, chosen: { userId: string; category: NotificationCategory; rhythm: MailRhythm }[]) {
  await tx.execute(sql`
    update outbound_mail m set created_at = n.created_at, sent_at = n.created_at + interval '1 minute', attempts = 1
    from notifications n where n.mail_id = m.id and n.mail_state = 'queued' and m.digest_key is null`);
  const pending = await tx
    .select({ id: notifications.id, userId: notifications.userId, category: notifications.category, at: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.mailState, "pending"), isNull(notifications.mailId)));
  const rhythmOf = (userId: string, category: NotificationCategory) => chosen.find((c) => c.userId === userId && c.category === category)?.rhythm ?? defaultRhythm[category];
  const digests = new Map<string, { userId: string; key: string; sentAt: Date; ids: number[] }>();
  const unmailed: number[] = [];
  for (const n of pending) {
    const rhythm = rhythmOf(n.userId, n.category);
    if (rhythm !== "daily" && rhythm !== "weekly") {
      unmailed.push(n.id);
      continue;
    }
    // The first digest after it: the next period's start.
    const next = new Date(periodStart(rhythm, n.at).getTime() + (rhythm === "daily" ? 1 : 7) * DAY);
    if (next > now) {
      unmailed.push(n.id);
      continue;
    }
    const key = digestKey(rhythm, next);
    const digest = digests.get(`${n.userId} ${key}`) ?? { userId: n.userId, key, sentAt: new Date(next.getTime() + 2 * MINUTE), ids: [] };
    digest.ids.push(n.id);
    digests.set(`${n.userId} ${key}`, digest);
  }
  const list = [...digests.values()];
  if (list.length) {
    const mails = await tx
      .insert(outboundMail)
      .values(list.map((d) => ({ userId: d.userId, digestKey: d.key, createdAt: d.sentAt, sentAt: d.sentAt, attempts: 1 })))
      .returning({ id: outboundMail.id, userId: outboundMail.userId, digestKey: outboundMail.digestKey });
    const ids = list.flatMap((d) => d.ids);
    const mailIds = list.flatMap((d) => d.ids.map(() => mails.find((m) => m.userId === d.userId && m.digestKey === d.key)!.id));
    await tx.execute(sql`
      update notifications n set mail_state = 'queued', mail_id = v.mail_id
      from unnest(${sql.param(ids)}::bigint[], ${sql.param(mailIds)}::uuid[]) as v(id, mail_id) where n.id = v.id`);
  }
  if (unmailed.length) await tx.update(notifications).set({ mailState: "none" }).where(inArray(notifications.id, unmailed));
}

/** Each person has read all but their newest few: up to three from the last days, and always the newest one. */
async function markRead(tx: Tx, now: Date) {
  await tx.execute(sql`
    with ranked as (
      select id, created_at, row_number() over (partition by user_id order by created_at desc, id desc) as rank from notifications
    )
    update notifications n set read_at = least(n.created_at + interval '5 hours', ${now.toISOString()}::timestamptz)
    from ranked r
    where r.id = n.id and r.rank > 1 and (r.rank > ${UNREAD_AT_MOST} or r.created_at < ${new Date(now.getTime() - UNREAD_DAYS * DAY).toISOString()}::timestamptz)`);
}

function missing(what: string): never {
  throw new Error(`Demo notifications refer to something that does not exist: ${what}`);
}
