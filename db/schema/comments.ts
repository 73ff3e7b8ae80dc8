import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { commentAppealStatuses, commentStatuses, moderationActions, reportStatuses } from "~/server/schemas/vocabulary";
import { amendments } from "./amendments";
import { norms } from "./norms";
import { organizations } from "./organizations";
import { users } from "./users";

export {
  commentAppealStatuses,
  commentStatuses,
  moderationActions,
  reportStatuses,
  type CommentAppealStatus,
  type CommentStatus,
  type ModerationAction,
  type ReportStatus,
} from "~/server/schemas/vocabulary";

export const commentStatus = pgEnum("comment_status", commentStatuses);
export const reportStatus = pgEnum("report_status", reportStatuses);
export const moderationAction = pgEnum("moderation_action", moderationActions);
export const commentAppealStatus = pgEnum("comment_appeal_status", commentAppealStatuses);

// A comment on a norm: on the norm as a whole, or on one clause of one version. Replies carry
// their thread's anchor; `threadId` is the root comment's id (its own for a root).
export const comments = pgTable(
  "comments",
  {
    id: uuid().primaryKey(),
    normId: uuid()
      .notNull()
      .references(() => norms.id),
    threadId: uuid().notNull(),
    parentId: uuid().references((): AnyPgColumn => comments.id),
    depth: integer().notNull().default(0),
    // The version of the text it was written on, and the clause (from 1) it is about, if any.
    version: integer().notNull(),
    clause: integer(),
    // A comment on an amendment (server/domain/amendments.ts) rather than on the text: shown with
    // the amendment, anchored to the version and clause the amendment was written on.
    amendmentId: uuid().references(() => amendments.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    // The verified organisation it speaks for, if any.
    organizationId: uuid().references(() => organizations.id),
    // BCP 47 tag of the comment's language.
    language: text().notNull().default("en"),
    body: text().notNull(),
    status: commentStatus().notNull().default("visible"),
    // Why it was hidden: the house rule cited and the secretariat's note, shown to its author.
    hiddenRule: text(),
    hiddenNote: text(),
    hiddenAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("comments_norm_id_idx").on(t.normId, t.createdAt),
    index("comments_thread_id_idx").on(t.threadId, t.createdAt),
    index("comments_parent_id_idx").on(t.parentId),
    index("comments_author_id_idx").on(t.authorId),
    index("comments_organization_id_idx").on(t.organizationId),
    index("comments_norm_version_clause_idx").on(t.normId, t.version, t.clause),
    index("comments_amendment_id_idx").on(t.amendmentId, t.createdAt),
    check("comments_clause_chk", sql`${t.clause} is null or ${t.clause} >= 1`),
    check("comments_version_chk", sql`${t.version} >= 1`),
  ],
);

// Earlier wordings of edited comments, kept visible as an edit history. Append-only (migration).
export const commentRevisions = pgTable(
  "comment_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    commentId: uuid()
      .notNull()
      .references(() => comments.id),
    body: text().notNull(),
    // When this wording was first published (the comment's creation or an earlier edit).
    writtenAt: timestamp({ withTimezone: true }).notNull(),
    replacedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comment_revisions_comment_id_idx").on(t.commentId, t.replacedAt)],
);

export const commentReports = pgTable(
  "comment_reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    commentId: uuid()
      .notNull()
      .references(() => comments.id),
    reporterId: uuid()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    status: reportStatus().notNull().default("open"),
    resolvedById: uuid().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open report per person per comment.
    uniqueIndex("comment_reports_open_key").on(t.commentId, t.reporterId).where(sql`${t.status} = 'open'`),
    index("comment_reports_status_idx").on(t.status, t.createdAt),
    index("comment_reports_reporter_id_idx").on(t.reporterId),
    index("comment_reports_resolved_by_id_idx").on(t.resolvedById),
  ],
);

export const commentAppeals = pgTable(
  "comment_appeals",
  {
    id: uuid().primaryKey().defaultRandom(),
    commentId: uuid()
      .notNull()
      .references(() => comments.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    text: text().notNull(),
    status: commentAppealStatus().notNull().default("pending"),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An author appeals a hidden comment once.
    uniqueIndex("comment_appeals_comment_id_key").on(t.commentId),
    index("comment_appeals_author_id_idx").on(t.authorId),
    index("comment_appeals_decided_by_id_idx").on(t.decidedById),
    index("comment_appeals_status_idx").on(t.status, t.createdAt),
  ],
);

// The public moderation log: what kind of content, which rule, when — never the hidden text.
// Append-only (migration). The acting staff member is kept for the audit, shown as "the secretariat".
export const moderationLog = pgTable(
  "moderation_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    action: moderationAction().notNull(),
    commentId: uuid().references(() => comments.id),
    normId: uuid().references(() => norms.id),
    rule: text(),
    note: text(),
    actorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_log_created_at_idx").on(t.createdAt),
    index("moderation_log_comment_id_idx").on(t.commentId),
    index("moderation_log_norm_id_idx").on(t.normId),
    index("moderation_log_actor_id_idx").on(t.actorId),
  ],
);
