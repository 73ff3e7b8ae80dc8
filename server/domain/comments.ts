// Deliberation: comments on norms, anchored to the whole norm or to one clause of one version,
// threaded replies, edits with a visible history, deletion by the author, and reports. Moderation
// (hiding, restoring, suspending, appeals, the public log) is in moderation.ts.
import { and, asc, count, desc, eq, exists, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db, DbOrTx } from "~/db/connect";
import { amendments, commentAppeals, commentReports, commentRevisions, comments, follows, normCoauthors, norms, normVersions, organizations, users } from "~/db/schema";
import type { CommentStatus, NormStatus, Region, StakeholderType } from "~/server/schemas/vocabulary";
import { stageClosedRefusal, stageHasClosed } from "./stage-clock";
import { badInput, conflict, forbidden, invalidState, notFound, pgErrorCode } from "../errors";
import { type Actor, isRepresentative, isStaff } from "../policy";
import { consume } from "../rate-limit";
import { type appealCommentInput, type createCommentInput, type editCommentInput, encodeThreadCursor, type listCommentsInput, type reportCommentInput } from "../schemas/comments";
import { houseRule } from "./house-rules";
import { isoMicros, visibleNorm } from "./norm-queries";
import { isPublicNorm } from "./norm-visibility";
import { personName } from "./person-name";
import { clock } from "../clock";
import { emitEvents, type ForumEvent } from "../notifications/events";
import { autoFollow, followTarget } from "./notifications";

type CreateInput = z.output<typeof createCommentInput>;

const notFoundAmendment = (number: number): never => {
  throw notFound(`Amendment ${number}`);
};
type ListInput = z.output<typeof listCommentsInput>;

/** Replies are shown indented up to this depth; deeper replies line up with it and name whom they answer. */
export const MAX_INDENT = 3;

export const commentsOpen = (status: NormStatus) => status === "consultation" || status === "endorsement";

function closedMessage(status: NormStatus) {
  switch (status) {
    case "concluded":
      return "This norm is concluded: its discussion stays readable, and is closed for new comments.";
    case "withdrawn":
      return "This norm was withdrawn, so its discussion is closed.";
    case "merged":
      return "This norm was merged into another; comment on the norm it was merged into.";
    default:
      return "Comments open when the norm is submitted to consultation.";
  }
}

/**
 * Refuses unless the discussion is open at `now`: the norm in consultation or endorsement, and a
 * consultation not past its closing date. Call with the norm's row read under its lock.
 */
function refuseUnlessOpen(norm: { status: NormStatus; stageClosesAt: Date | null } | undefined, now: Date): asserts norm {
  if (!norm || !commentsOpen(norm.status)) throw invalidState(closedMessage(norm?.status ?? "withdrawn"));
  if (norm.status === "consultation" && stageHasClosed(norm, now)) throw invalidState(stageClosedRefusal("consultation", "comments"));
}

async function commentableNorm(db: DbOrTx, actor: Actor, normId: string) {
  const norm = await db.query.norms.findFirst({
    columns: { id: true, slug: true, title: true, status: true, currentVersion: true, proposerId: true, submittedAt: true, stageClosesAt: true },
    where: eq(norms.id, normId),
  });
  // Norms never submitted are private to their authors; they are not discussed.
  if (!norm || (!isPublicNorm(norm) && norm.proposerId !== actor.id)) throw notFound("The norm");
  refuseUnlessOpen(norm, clock.now());
  return norm;
}

async function speakingFor(db: DbOrTx, actor: Actor, organizationId: string | null | undefined) {
  if (!organizationId) return null;
  const organization = await db.query.organizations.findFirst({ columns: { id: true, verificationStatus: true }, where: eq(organizations.id, organizationId) });
  if (!organization || organization.verificationStatus !== "verified" || !(await isRepresentative(db, actor.id, organizationId))) {
    throw forbidden("You can comment on behalf of an organisation only if it is verified and you represent it.");
  }
  return organization.id;
}

/** Where a new comment sits: a reply takes its parent's thread, version, clause and amendment. */
async function anchor(db: DbOrTx, norm: { id: string; currentVersion: number }, input: CreateInput) {
  if (input.parentId) {
    const parent = await db.query.comments.findFirst({ where: and(eq(comments.id, input.parentId), eq(comments.normId, norm.id)) });
    if (!parent) throw notFound("The comment you are replying to");
    if (parent.status !== "visible") {
      throw invalidState(
        parent.status === "hidden"
          ? "This comment was hidden by the secretariat, so it cannot be replied to."
          : "This comment was deleted by its author, so it cannot be replied to.",
      );
    }
    return {
      threadId: parent.threadId,
      parentId: parent.id,
      parentAuthorId: parent.authorId,
      depth: parent.depth + 1,
      version: parent.version,
      clause: parent.clause,
      amendmentId: parent.amendmentId,
    };
  }
  if (input.amendmentId) {
    // An amendment's discussion is anchored where the amendment was written.
    const amendment = await db.query.amendments.findFirst({
      columns: { id: true, baseVersion: true, clause: true },
      where: and(eq(amendments.id, input.amendmentId), eq(amendments.normId, norm.id)),
    });
    if (!amendment) throw notFound("The amendment");
    return { threadId: null, parentId: null, parentAuthorId: null, depth: 0, version: amendment.baseVersion, clause: amendment.clause, amendmentId: amendment.id };
  }
  const number = input.version ?? norm.currentVersion;
  const version = await db.query.normVersions.findFirst({
    columns: { clauses: true },
    where: and(eq(normVersions.normId, norm.id), eq(normVersions.number, number)),
  });
  if (!version) throw badInput(`This norm has no version ${number}.`, { version: `This norm has no version ${number}.` });
  const clause = input.clause ?? null;
  if (clause !== null && clause > version.clauses.length) {
    const message = version.clauses.length === 1 ? `Version ${number} has one clause: choose clause 1.` : `Version ${number} has clauses 1 to ${version.clauses.length}; choose one of them.`;
    throw badInput(message, { clause: message });
  }
  return { threadId: null, parentId: null, parentAuthorId: null, depth: 0, version: number, clause, amendmentId: null };
}

/** An amendment's discussion is open while the amendment is (and the norm's, as for any comment). */
async function refuseUnlessAmendmentOpen(db: DbOrTx, amendmentId: string | null) {
  if (!amendmentId) return;
  const amendment = await db.query.amendments.findFirst({ columns: { number: true, state: true }, where: eq(amendments.id, amendmentId) });
  if (amendment && amendment.state !== "open") throw invalidState(`Amendment ${amendment.number} is ${amendment.state}, so its discussion is closed.`);
}

export async function createComment(db: Db, actor: Actor, input: CreateInput) {
  const norm = await commentableNorm(db, actor, input.normId);
  const [place, organizationId] = await Promise.all([anchor(db, norm, input), speakingFor(db, actor, input.organizationId)]);
  await consume(db, "comment", actor.id, (wait) => `You have posted several comments in a short time. You can post again in ${wait}.`);
  return db.transaction(async (tx) => {
    // Re-read the norm's state under a lock: a conclusion saved meanwhile closes the discussion.
    // And the clock's, after the lock the tick's close takes too: no comment lands after the close.
    const [locked] = await tx.select({ status: norms.status, stageClosesAt: norms.stageClosesAt }).from(norms).where(eq(norms.id, norm.id)).for("no key update");
    const now = clock.now();
    refuseUnlessOpen(locked, now);
    await refuseUnlessAmendmentOpen(tx, place.amendmentId);
    const id = crypto.randomUUID();
    await tx.insert(comments).values({
      id,
      normId: norm.id,
      threadId: place.threadId ?? id,
      parentId: place.parentId,
      depth: place.depth,
      version: place.version,
      clause: place.clause,
      amendmentId: place.amendmentId,
      authorId: actor.id,
      organizationId,
      language: input.language,
      body: input.body,
      createdAt: now,
    });
    await tx.update(norms).set({ lastActivityAt: now }).where(eq(norms.id, norm.id));
    const threadId = place.threadId ?? id;
    await autoFollow(tx, actor.id, followTarget("thread", threadId), "comment");
    await commentEvents(tx, actor, norm, { id, threadId, parentAuthorId: place.parentAuthorId, amendmentId: place.amendmentId, organizationId });
    return { id, slug: norm.slug };
  });
}

/**
 * What a new comment tells whom (issue 18), each person once: the author of the comment replied to
 * (comment.reply), the norm's proposer and co-authors not already told (comment.on_norm), and the
 * others following the thread (comment.thread). Written in the comment's transaction.
 */
async function commentEvents(
  tx: DbOrTx,
  actor: Actor,
  norm: { id: string; slug: string; title: string; proposerId: string },
  comment: { id: string; threadId: string; parentAuthorId: string | null; amendmentId: string | null; organizationId: string | null },
) {
  const [coauthors, [organization], [amendment]] = await Promise.all([
    tx.select({ userId: normCoauthors.userId }).from(normCoauthors).where(eq(normCoauthors.normId, norm.id)),
    comment.organizationId ? tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, comment.organizationId)) : [],
    comment.amendmentId ? tx.select({ number: amendments.number }).from(amendments).where(eq(amendments.id, comment.amendmentId)) : [],
  ]);
  const place = amendment ? `/norms/${norm.slug}/amendments/${amendment.number}` : `/norms/${norm.slug}`;
  const base = {
    actorId: actor.id,
    link: `${place}#comment-${comment.id}`,
    // The name and the organisation apart: each mail and page says "… on behalf of …" in its own language.
    details: { person: actor.displayName, ...(organization ? { onBehalfOf: organization.name } : {}), norm: norm.title, slug: norm.slug },
  };
  const told = new Set<string>([actor.id]);
  const events: ForumEvent[] = [];
  if (comment.parentAuthorId && !told.has(comment.parentAuthorId)) {
    told.add(comment.parentAuthorId);
    events.push({ ...base, kind: "comment.reply", recipientIds: [comment.parentAuthorId] });
  }
  const authors = [norm.proposerId, ...coauthors.map((c) => c.userId)].filter((id) => !told.has(id));
  if (authors.length) {
    authors.forEach((id) => told.add(id));
    events.push({ ...base, kind: "comment.on_norm", recipientIds: authors });
  }
  if (comment.threadId !== comment.id) {
    // The thread's followers are its few participants (and whoever chose to follow it): named here,
    // so that nobody already told above hears of the same comment twice.
    const followers = await tx
      .select({ userId: follows.userId })
      .from(follows)
      .where(and(eq(follows.target, followTarget("thread", comment.threadId)), eq(follows.active, true)));
    const others = followers.map((f) => f.userId).filter((id) => !told.has(id));
    if (others.length) events.push({ ...base, kind: "comment.thread", recipientIds: others });
  }
  await emitEvents(tx, events);
}

async function ownComment(db: DbOrTx, actor: Actor, commentId: string) {
  const comment = await db.query.comments.findFirst({ where: eq(comments.id, commentId) });
  if (!comment) throw notFound("The comment");
  if (comment.authorId !== actor.id) throw forbidden("Only the comment's author can change it.");
  return comment;
}

export async function editComment(db: Db, actor: Actor, input: z.output<typeof editCommentInput>) {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(comments).where(eq(comments.id, input.commentId)).for("update");
    if (!locked) throw notFound("The comment");
    const comment = await ownComment(tx, actor, locked.id);
    if (comment.status === "deleted") throw invalidState("This comment was deleted, so it can no longer be edited.");
    if (comment.status === "hidden") throw invalidState("This comment was hidden by the secretariat. You can appeal the decision, but not edit it.");
    const [norm] = await tx
      .select({ status: norms.status, slug: norms.slug, stageClosesAt: norms.stageClosesAt })
      .from(norms)
      .where(eq(norms.id, comment.normId))
      .for("no key update");
    const now = clock.now();
    refuseUnlessOpen(norm, now);
    if (comment.body === input.body) return { id: comment.id, slug: norm.slug, changed: false };
    // The earlier wording stays readable in the edit history.
    await tx.insert(commentRevisions).values({ commentId: comment.id, body: comment.body, writtenAt: comment.editedAt ?? comment.createdAt, replacedAt: now });
    await tx.update(comments).set({ body: input.body, editedAt: now }).where(eq(comments.id, comment.id));
    return { id: comment.id, slug: norm.slug, changed: true };
  });
}

export async function deleteComment(db: Db, actor: Actor, commentId: string) {
  const comment = await ownComment(db, actor, commentId);
  if (comment.status === "deleted") throw invalidState("This comment is already deleted.");
  await db.update(comments).set({ status: "deleted", deletedAt: clock.now() }).where(eq(comments.id, comment.id));
  return { id: comment.id, deleted: true };
}

export async function reportComment(db: Db, actor: Actor, input: z.output<typeof reportCommentInput>) {
  const comment = await db.query.comments.findFirst({ columns: { id: true, authorId: true, status: true }, where: eq(comments.id, input.commentId) });
  if (!comment || comment.status === "deleted") throw notFound("The comment");
  if (comment.authorId === actor.id) throw invalidState("You cannot report your own comment; edit or delete it instead.");
  if (comment.status === "hidden") throw invalidState("This comment has already been hidden by the secretariat.");
  await consume(db, "report", actor.id, (wait) => `You have sent several reports in a short time. You can report again in ${wait}.`);
  try {
    const [report] = await db.insert(commentReports).values({ commentId: comment.id, reporterId: actor.id, reason: input.reason }).returning({ id: commentReports.id });
    return { id: report!.id };
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw conflict("You have already reported this comment. The secretariat will review it.");
    throw error;
  }
}

export async function appealComment(db: Db, actor: Actor, input: z.output<typeof appealCommentInput>) {
  const comment = await ownComment(db, actor, input.commentId);
  if (comment.status !== "hidden") throw invalidState("Only a hidden comment can be appealed.");
  try {
    const [appeal] = await db.insert(commentAppeals).values({ commentId: comment.id, authorId: actor.id, text: input.text }).returning({ id: commentAppeals.id });
    return { id: appeal!.id };
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw conflict("You have already appealed this decision; a comment can be appealed once.");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface CommentView {
  id: string;
  parentId: string | null;
  threadId: string;
  depth: number;
  version: number;
  clause: number | null;
  language: string;
  status: CommentStatus;
  /** Null when hidden (except for its author and the secretariat) or deleted. */
  body: string | null;
  author: { name: string } | null;
  organization: { slug: string; name: string; stakeholderType: StakeholderType; region: Region } | null;
  createdAt: Date;
  editedAt: Date | null;
  revisions: number;
  /** For a hidden comment: the rule cited (public) and, for its author and the secretariat, the note and appeal. */
  hidden: {
    rule: { id: string; title: string } | null;
    note: string | null;
    appeal: { status: "pending" | "upheld" | "restored"; decisionNote: string | null } | null;
  } | null;
  /** The name of the author replied to, when the reply is deeper than the indentation shows. */
  inReplyTo: string | null;
  viewer: { isAuthor: boolean; canEdit: boolean; canDelete: boolean; canReply: boolean; canReport: boolean; canAppeal: boolean };
  replies: CommentView[];
}

/** Threads shown per page of a norm's discussion; the rest follow by keyset page links. */
export const THREADS_PAGE = 50;

/**
 * A norm's discussion as threads, with filters and sorts, shown as this reader may see it: one
 * page of threads (THREADS_PAGE), chosen by their first comments, then every comment of those
 * threads only, so the page costs the same however long the discussion grows.
 */
export async function listComments(db: Db, actor: Actor | null, input: ListInput) {
  const { norm } = await visibleNorm(db, actor, input.slug);
  // The discussion of one amendment, or of the text (no amendment's comments).
  const amendment =
    input.amendment === undefined
      ? null
      : ((await db.query.amendments.findFirst({ columns: { id: true, state: true }, where: and(eq(amendments.normId, norm.id), eq(amendments.number, input.amendment)) })) ??
        notFoundAmendment(input.amendment));
  const inDiscussion = amendment ? eq(comments.amendmentId, amendment.id) : isNull(comments.amendmentId);
  const staff = isStaff(actor);
  // A comment whose author this reader may see: visible ones, and hidden ones to their author and the secretariat.
  const inThread = alias(comments, "in_thread");
  const seen = (c: typeof comments | typeof inThread) =>
    staff ? sql`${c.status} <> 'deleted'` : actor ? sql`(${c.status} = 'visible' or (${c.status} = 'hidden' and ${c.authorId} = ${actor.id}))` : sql`${c.status} = 'visible'`;
  // Qualified by hand: in a query over one table drizzle leaves column names unqualified, which
  // inside this subquery would name the subquery's own column.
  const replies = sql<number>`(select count(*)::int - 1 from ${comments} as "sized" where "sized"."thread_id" = "comments"."id")`;
  const started = isoMicros(comments.createdAt);
  const c = input.cursor;
  if (c && input.sort === "replies" && c.r === undefined) {
    throw badInput("This page link is not valid; start from the first page.", { cursor: "Not a valid page link." });
  }
  const after = !c
    ? undefined
    : input.sort === "newest"
      ? sql`(${comments.createdAt}, ${comments.id}) < (${c.t}::timestamptz, ${c.id}::uuid)`
      : input.sort === "replies"
        ? sql`(${replies} < ${c.r} or (${replies} = ${c.r} and (${comments.createdAt}, ${comments.id}) > (${c.t}::timestamptz, ${c.id}::uuid)))`
        : sql`(${comments.createdAt}, ${comments.id}) > (${c.t}::timestamptz, ${c.id}::uuid)`;
  const threadFilter = and(
    eq(comments.normId, norm.id),
    inDiscussion,
    isNull(comments.parentId),
    input.version === undefined ? undefined : eq(comments.version, input.version),
    input.clause === undefined ? undefined : input.clause === null ? isNull(comments.clause) : eq(comments.clause, input.clause),
    input.stakeholderType
      ? exists(
          db
            .select({ one: sql`1` })
            .from(inThread)
            .innerJoin(organizations, eq(organizations.id, inThread.organizationId))
            .where(and(eq(inThread.threadId, comments.id), seen(inThread), eq(organizations.stakeholderType, input.stakeholderType))),
        )
      : undefined,
    input.language
      ? exists(
          db
            .select({ one: sql`1` })
            .from(inThread)
            .where(and(eq(inThread.threadId, comments.id), seen(inThread), sql`lower(split_part(${inThread.language}, '-', 1)) = ${input.language}`)),
        )
      : undefined,
  );
  const order =
    input.sort === "newest"
      ? [desc(comments.createdAt), desc(comments.id)]
      : input.sort === "replies"
        ? [desc(replies), asc(comments.createdAt), asc(comments.id)]
        : [asc(comments.createdAt), asc(comments.id)];
  const [pageRoots, [threadTotal], [visible]] = await Promise.all([
    db
      .select({ id: comments.id, started, replies: input.sort === "replies" ? replies : sql<number>`0` })
      .from(comments)
      .where(and(threadFilter, after))
      .orderBy(...order)
      .limit(THREADS_PAGE + 1),
    db.select({ n: count() }).from(comments).where(threadFilter),
    db
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.normId, norm.id), inDiscussion, eq(comments.status, "visible"))),
  ]);
  const roots = pageRoots.slice(0, THREADS_PAGE);
  const last = roots.at(-1);
  const nextCursor =
    pageRoots.length > THREADS_PAGE && last
      ? encodeThreadCursor({ ...(input.sort === "replies" ? { r: Number(last.replies) } : {}), t: last.started, id: last.id })
      : null;
  // The organisation and the appeal (one at most: comment_appeals_comment_id_key) of each of the
  // page's comments, a hundred or so, are looked up by key, laterally: as plain joins PostgreSQL
  // hashed every organisation and every appeal for them (11 ms at 20,000 organisations;
  // docs/performance.md, "The discussion's organisations by key").
  const organization = db
    .select({ slug: organizations.slug, name: organizations.name, stakeholderType: organizations.stakeholderType, region: organizations.region })
    .from(organizations)
    .where(eq(organizations.id, comments.organizationId))
    // One row at most (by key); the limit also keeps PostgreSQL from turning the lookup back into a join.
    .limit(1)
    .as("organization");
  const appeal = db
    .select({ status: commentAppeals.status, decisionNote: commentAppeals.decisionNote })
    .from(commentAppeals)
    .where(eq(commentAppeals.commentId, comments.id))
    .limit(1)
    .as("appeal");
  const rows = roots.length
    ? await db
        .select({
          comment: comments,
          authorName: personName(users, comments.organizationId),
          organization: { slug: organization.slug, name: organization.name, stakeholderType: organization.stakeholderType, region: organization.region },
          revisions: sql<number>`(select count(*)::int from ${commentRevisions} where ${commentRevisions.commentId} = ${comments.id})`,
          appealStatus: appeal.status,
          appealNote: appeal.decisionNote,
        })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .leftJoinLateral(organization, sql`true`)
        .leftJoinLateral(appeal, sql`true`)
        .where(inArray(comments.threadId, roots.map((r) => r.id)))
        .orderBy(asc(comments.createdAt), asc(comments.id))
    : [];
  const active = Boolean(actor && !actor.suspension);
  const consultationClosed = norm.status === "consultation" && stageHasClosed(norm, clock.now());
  const amendmentClosed = amendment !== null && amendment.state !== "open";
  const open = commentsOpen(norm.status) && !consultationClosed && !amendmentClosed;
  // Only visible comments name their author to everyone; a hidden one names them to its author and the secretariat.
  const named = (r: (typeof rows)[number]) => r.comment.status === "visible" || (r.comment.status === "hidden" && (actor?.id === r.comment.authorId || staff));
  const names = new Map(rows.map((r) => [r.comment.id, named(r) ? r.authorName : null]));
  const views = new Map<string, CommentView>();
  for (const r of rows) {
    const c = r.comment;
    const isAuthor = actor?.id === c.authorId;
    const seesHidden = isAuthor || staff;
    const rule = houseRule(c.hiddenRule);
    views.set(c.id, {
      id: c.id,
      parentId: c.parentId,
      threadId: c.threadId,
      depth: c.depth,
      version: c.version,
      clause: c.clause,
      language: c.language,
      status: c.status,
      body: c.status === "visible" || (c.status === "hidden" && seesHidden) ? c.body : null,
      author: named(r) ? { name: r.authorName } : null,
      organization: named(r) ? r.organization : null,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      revisions: c.status === "visible" ? r.revisions : 0,
      hidden:
        c.status === "hidden"
          ? {
              rule: rule ? { id: rule.id, title: rule.title } : null,
              note: seesHidden ? c.hiddenNote : null,
              appeal: seesHidden && r.appealStatus ? { status: r.appealStatus, decisionNote: r.appealNote } : null,
            }
          : null,
      inReplyTo: c.depth > MAX_INDENT && c.parentId ? (names.get(c.parentId) ?? null) : null,
      viewer: {
        isAuthor,
        canEdit: active && isAuthor && open && c.status === "visible",
        canDelete: active && isAuthor && c.status !== "deleted",
        canReply: active && open && c.status === "visible",
        canReport: active && !isAuthor && c.status === "visible",
        canAppeal: Boolean(actor) && isAuthor && c.status === "hidden" && !r.appealStatus,
      },
      replies: [],
    });
  }
  const trees: CommentView[] = [];
  for (const view of views.values()) {
    const parent = view.parentId ? views.get(view.parentId) : undefined;
    if (parent) parent.replies.push(view);
    else trees.push(view);
  }
  const size = (v: CommentView): number => v.replies.reduce((n, r) => n + 1 + size(r), 0);
  const byId = new Map(trees.map((t) => [t.id, t]));
  const threads = roots.map((r) => byId.get(r.id)).filter((t): t is CommentView => t !== undefined);
  return {
    norm: { id: norm.id, slug: norm.slug, title: norm.title, status: norm.status, currentVersion: norm.currentVersion },
    open,
    closedReason: open
      ? null
      : consultationClosed
        ? stageClosedRefusal("consultation", "comments")
        : amendmentClosed
          ? `Amendment ${input.amendment} is ${amendment.state}, so its discussion is closed.`
          : closedMessage(norm.status),
    /** Visible comments in the whole discussion. */
    count: visible?.n ?? 0,
    /** Threads matching the filters; `threads` holds the first THREADS_PAGE after the cursor. */
    threadTotal: threadTotal?.n ?? 0,
    threads: threads.map((t) => ({ ...t, replyCount: size(t) })),
    nextCursor,
  };
}

/** How many visible comments each clause of a version has: shown beside the clauses. */
export async function clauseCounts(db: Db, actor: Actor | null, slug: string, version: number) {
  const { norm } = await visibleNorm(db, actor, slug);
  const rows = await db
    .select({ clause: comments.clause, n: count() })
    .from(comments)
    .where(and(eq(comments.normId, norm.id), eq(comments.version, version), isNull(comments.amendmentId), eq(comments.status, "visible")))
    .groupBy(comments.clause);
  return {
    wholeNorm: rows.find((r) => r.clause === null)?.n ?? 0,
    byClause: Object.fromEntries(rows.filter((r) => r.clause !== null).map((r) => [r.clause!, r.n])) as Record<number, number>,
  };
}

/** A visible comment's earlier wordings, oldest first. Hidden and deleted comments show none. */
export async function commentRevisionsOf(db: Db, actor: Actor | null, commentId: string) {
  const comment = await db.query.comments.findFirst({ columns: { id: true, normId: true, status: true, body: true, editedAt: true, createdAt: true }, where: eq(comments.id, commentId) });
  if (!comment) throw notFound("The comment");
  const norm = await db.query.norms.findFirst({ columns: { slug: true }, where: eq(norms.id, comment.normId) });
  await visibleNorm(db, actor, norm!.slug);
  if (comment.status !== "visible") throw notFound("The comment's edit history");
  const revisions = await db
    .select({ body: commentRevisions.body, writtenAt: commentRevisions.writtenAt, replacedAt: commentRevisions.replacedAt })
    .from(commentRevisions)
    .where(eq(commentRevisions.commentId, comment.id))
    .orderBy(asc(commentRevisions.replacedAt));
  return { current: { body: comment.body, writtenAt: comment.editedAt ?? comment.createdAt }, earlier: revisions };
}

/** The actor's own comments, newest first, with why any was hidden and where its appeal stands. */
export async function myComments(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      status: comments.status,
      version: comments.version,
      clause: comments.clause,
      createdAt: comments.createdAt,
      hiddenRule: comments.hiddenRule,
      hiddenNote: comments.hiddenNote,
      hiddenAt: comments.hiddenAt,
      norm: { slug: norms.slug, title: norms.title },
      appeal: { status: commentAppeals.status, decisionNote: commentAppeals.decisionNote },
    })
    .from(comments)
    .innerJoin(norms, eq(norms.id, comments.normId))
    .leftJoin(commentAppeals, eq(commentAppeals.commentId, comments.id))
    .where(eq(comments.authorId, actor.id))
    .orderBy(sql`${comments.createdAt} desc`)
    .limit(200);
  return rows.map((r) => ({
    ...r,
    hiddenRule: houseRule(r.hiddenRule),
    appeal: r.appeal?.status ? r.appeal : null,
    canAppeal: r.status === "hidden" && !r.appeal?.status,
  }));
}
