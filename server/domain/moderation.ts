// Moderation in the open: the secretariat hides or restores comments citing a house rule, suspends
// authors, dismisses reports and decides appeals; every action goes into the public moderation log
// (what kind of content, which rule, when — never the hidden text).
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "~/db/connect";
import { commentAppeals, commentReports, comments, moderationLog, norms, organizations, users, type ModerationAction } from "~/db/schema";
import { forbidden, invalidState, notFound } from "../errors";
import type { Actor } from "../policy";
import type {
  decideCommentAppealInput,
  dismissReportsInput,
  hideCommentInput,
  moderationLogInput,
  restoreCommentInput,
  suspendAuthorInput,
} from "../schemas/comments";
import { houseRule } from "./house-rules";
import { suspendInTransaction } from "./users";
import { personName } from "./person-name";
import { clock } from "../clock";
import { emitEvent } from "../notifications/events";

async function lockComment(tx: Tx, commentId: string) {
  const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update");
  if (!comment) throw notFound("The comment");
  return comment;
}

/** Nobody moderates their own comment: another member of the secretariat decides. */
function refuseOwn(actor: Actor, comment: { authorId: string }, what: string) {
  if (comment.authorId === actor.id) throw forbidden(`You cannot ${what} your own comment. Another member of the secretariat decides.`);
}

async function log(tx: Tx, actor: Actor, entry: { action: ModerationAction; commentId: string; normId: string; rule?: string | null; note?: string | null }) {
  await tx.insert(moderationLog).values({ ...entry, rule: entry.rule ?? null, note: entry.note || null, actorId: actor.id });
}

/** Tells the comment's author of a decision on it or on their appeal (issue 18), in the decision's transaction. */
async function tellAuthor(
  tx: Tx,
  actor: Actor,
  comment: { id: string; normId: string; authorId: string },
  decision: "hidden" | "restored" | "appeal_upheld" | "appeal_granted",
) {
  const [norm] = await tx.select({ title: norms.title, slug: norms.slug }).from(norms).where(eq(norms.id, comment.normId));
  await emitEvent(tx, {
    kind: "moderation.decision",
    recipientIds: [comment.authorId],
    actorId: actor.id,
    // Their own comments, with the rule, the note and the appeal, are listed on their account page.
    link: `/account#comment-${comment.id}`,
    details: { decision, norm: norm?.title ?? "", slug: norm?.slug ?? "" },
  });
}

async function resolveReports(tx: Tx, actor: Actor, commentId: string, status: "upheld" | "dismissed") {
  const resolved = await tx
    .update(commentReports)
    .set({ status, resolvedById: actor.id, resolvedAt: clock.now() })
    .where(and(eq(commentReports.commentId, commentId), eq(commentReports.status, "open")))
    .returning({ id: commentReports.id });
  return resolved.length;
}

export async function hideComment(db: Db, actor: Actor, input: z.output<typeof hideCommentInput>) {
  return db.transaction(async (tx) => {
    const comment = await lockComment(tx, input.commentId);
    if (comment.status !== "visible") throw invalidState(comment.status === "hidden" ? "This comment is already hidden." : "This comment was deleted by its author.");
    await tx
      .update(comments)
      .set({ status: "hidden", hiddenRule: input.rule, hiddenNote: input.note || null, hiddenAt: clock.now() })
      .where(eq(comments.id, comment.id));
    const reports = await resolveReports(tx, actor, comment.id, "upheld");
    await log(tx, actor, { action: "hide", commentId: comment.id, normId: comment.normId, rule: input.rule, note: input.note });
    await tellAuthor(tx, actor, comment, "hidden");
    return { id: comment.id, reportsResolved: reports };
  });
}

async function makeVisible(tx: Tx, commentId: string) {
  await tx.update(comments).set({ status: "visible", hiddenRule: null, hiddenNote: null, hiddenAt: null }).where(eq(comments.id, commentId));
}

export async function restoreComment(db: Db, actor: Actor, input: z.output<typeof restoreCommentInput>) {
  return db.transaction(async (tx) => {
    const comment = await lockComment(tx, input.commentId);
    refuseOwn(actor, comment, "restore");
    if (comment.status !== "hidden") throw invalidState("Only a hidden comment can be restored.");
    await makeVisible(tx, comment.id);
    // A pending appeal is answered by the restoration.
    await tx
      .update(commentAppeals)
      .set({ status: "restored", decidedById: actor.id, decidedAt: clock.now(), decisionNote: input.note || "Restored by the secretariat." })
      .where(and(eq(commentAppeals.commentId, comment.id), eq(commentAppeals.status, "pending")));
    await log(tx, actor, { action: "restore", commentId: comment.id, normId: comment.normId, rule: comment.hiddenRule, note: input.note });
    await tellAuthor(tx, actor, comment, "restored");
    return { id: comment.id };
  });
}

export async function dismissReports(db: Db, actor: Actor, input: z.output<typeof dismissReportsInput>) {
  return db.transaction(async (tx) => {
    const comment = await lockComment(tx, input.commentId);
    refuseOwn(actor, comment, "dismiss reports about");
    const dismissed = await resolveReports(tx, actor, comment.id, "dismissed");
    if (dismissed === 0) throw invalidState("This comment has no open reports.");
    await log(tx, actor, { action: "dismiss_reports", commentId: comment.id, normId: comment.normId, note: input.note });
    return { id: comment.id, dismissed };
  });
}

export async function suspendAuthor(db: Db, actor: Actor, input: z.output<typeof suspendAuthorInput>) {
  return db.transaction(async (tx) => {
    const comment = await lockComment(tx, input.commentId);
    const rule = houseRule(input.rule)!;
    const suspension = await suspendInTransaction(tx, actor, {
      userId: comment.authorId,
      reason: `${rule.id} (${rule.title}): ${input.reason}`,
      endsAt: input.endsAt ?? null,
    });
    await log(tx, actor, { action: "suspend_author", commentId: comment.id, normId: comment.normId, rule: input.rule, note: input.reason });
    return { suspensionId: suspension.id };
  });
}

export async function decideCommentAppeal(db: Db, actor: Actor, input: z.output<typeof decideCommentAppealInput>) {
  return db.transaction(async (tx) => {
    const [appeal] = await tx.select().from(commentAppeals).where(eq(commentAppeals.id, input.appealId)).for("update");
    if (!appeal) throw notFound("The appeal");
    if (appeal.status !== "pending") throw invalidState("This appeal has already been decided.");
    const comment = await lockComment(tx, appeal.commentId);
    refuseOwn(actor, comment, "decide the appeal on");
    const restore = input.decision === "restore";
    if (restore) await makeVisible(tx, comment.id);
    await tx
      .update(commentAppeals)
      .set({ status: restore ? "restored" : "upheld", decidedById: actor.id, decidedAt: clock.now(), decisionNote: input.note })
      .where(eq(commentAppeals.id, appeal.id));
    await log(tx, actor, {
      action: restore ? "appeal_restored" : "appeal_upheld",
      commentId: comment.id,
      normId: comment.normId,
      rule: comment.hiddenRule,
      note: input.note,
    });
    await tellAuthor(tx, actor, comment, restore ? "appeal_granted" : "appeal_upheld");
    return { id: appeal.id, status: restore ? ("restored" as const) : ("upheld" as const) };
  });
}

/**
 * The secretariat's queue: reported comments with their reports, and appeals awaiting a decision;
 * each says what this reader may not do to it (their own comment; suspending a colleague).
 */
export async function moderationQueue(db: Db, actor: Actor) {
  const commentColumns = {
    id: comments.id,
    body: comments.body,
    status: comments.status,
    version: comments.version,
    clause: comments.clause,
    createdAt: comments.createdAt,
    hiddenRule: comments.hiddenRule,
    hiddenNote: comments.hiddenNote,
    authorId: comments.authorId,
    authorRole: users.role,
    authorName: personName(users, comments.organizationId),
    normSlug: norms.slug,
    normTitle: norms.title,
    organizationName: organizations.name,
  };
  const [reports, appeals] = await Promise.all([
    db
      .select({ report: { id: commentReports.id, reason: commentReports.reason, createdAt: commentReports.createdAt, reporterId: commentReports.reporterId }, comment: commentColumns })
      .from(commentReports)
      .innerJoin(comments, eq(comments.id, commentReports.commentId))
      .innerJoin(users, eq(users.id, comments.authorId))
      .innerJoin(norms, eq(norms.id, comments.normId))
      .leftJoin(organizations, eq(organizations.id, comments.organizationId))
      .where(eq(commentReports.status, "open"))
      .orderBy(asc(commentReports.createdAt)),
    db
      .select({ appeal: { id: commentAppeals.id, text: commentAppeals.text, createdAt: commentAppeals.createdAt }, comment: commentColumns })
      .from(commentAppeals)
      .innerJoin(comments, eq(comments.id, commentAppeals.commentId))
      .innerJoin(users, eq(users.id, comments.authorId))
      .innerJoin(norms, eq(norms.id, comments.normId))
      .leftJoin(organizations, eq(organizations.id, comments.organizationId))
      .where(eq(commentAppeals.status, "pending"))
      .orderBy(asc(commentAppeals.createdAt)),
  ]);
  const reporterIds = [...new Set(reports.map((r) => r.report.reporterId))];
  const reporters = reporterIds.length
    ? await db.select({ id: users.id, name: personName() }).from(users).where(inArray(users.id, reporterIds))
    : [];
  // One entry per reported comment, oldest report first.
  const byComment = new Map<string, { comment: (typeof reports)[number]["comment"]; reports: { id: string; reason: string; createdAt: Date; reporterName: string }[] }>();
  for (const r of reports) {
    const entry = byComment.get(r.comment.id) ?? { comment: r.comment, reports: [] };
    entry.reports.push({ id: r.report.id, reason: r.report.reason, createdAt: r.report.createdAt, reporterName: reporters.find((p) => p.id === r.report.reporterId)?.name ?? "" });
    byComment.set(r.comment.id, entry);
  }
  const viewer = (c: { authorId: string; authorRole: string }) => {
    const own = c.authorId === actor.id;
    // As suspendInTransaction decides: only an admin suspends secretariat staff or an admin.
    return { own, maySuspend: !own && (c.authorRole === "member" || actor.role === "admin") };
  };
  return {
    reported: [...byComment.values()].map((e) => ({ ...e, comment: { ...e.comment, hiddenRule: houseRule(e.comment.hiddenRule) }, viewer: viewer(e.comment) })),
    appeals: appeals.map((a) => ({ ...a, comment: { ...a.comment, hiddenRule: houseRule(a.comment.hiddenRule) }, viewer: viewer(a.comment) })),
  };
}

/** The public moderation log, newest first, paged by id. Names no staff member and quotes no hidden text. */
export async function publicModerationLog(db: Db, input: z.output<typeof moderationLogInput>) {
  const rows = await db
    .select({
      id: moderationLog.id,
      action: moderationLog.action,
      rule: moderationLog.rule,
      createdAt: moderationLog.createdAt,
      commentId: moderationLog.commentId,
      commentStatus: comments.status,
      commentVersion: comments.version,
      commentClause: comments.clause,
      normSlug: norms.slug,
      normTitle: norms.title,
    })
    .from(moderationLog)
    .leftJoin(comments, eq(comments.id, moderationLog.commentId))
    .leftJoin(norms, eq(norms.id, moderationLog.normId))
    .where(input.cursor ? lt(moderationLog.id, input.cursor) : undefined)
    .orderBy(desc(moderationLog.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map((r) => {
    const rule = houseRule(r.rule);
    return {
      id: r.id,
      action: r.action,
      rule: rule ? { id: rule.id, title: rule.title } : null,
      createdAt: r.createdAt,
      content: {
        kind: "comment" as const,
        commentId: r.commentId,
        version: r.commentVersion,
        clause: r.commentClause,
        norm: r.normSlug ? { slug: r.normSlug, title: r.normTitle! } : null,
      },
    };
  });
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}
