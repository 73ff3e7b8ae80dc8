import * as comments from "../domain/comments";
import * as moderation from "../domain/moderation";
import {
  appealCommentInput,
  clauseCountsInput,
  commentIdInput,
  createCommentInput,
  decideCommentAppealInput,
  dismissReportsInput,
  editCommentInput,
  hideCommentInput,
  listCommentsInput,
  moderationLogInput,
  reportCommentInput,
  restoreCommentInput,
  suspendAuthorInput,
} from "../schemas/comments";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const commentsRouter = createTRPCRouter({
  list: publicProcedure("comment.list")
    .input(listCommentsInput)
    .query(({ ctx, input }) => comments.listComments(ctx.db, ctx.actor, input)),
  clauseCounts: publicProcedure("comment.clauseCounts")
    .input(clauseCountsInput)
    .query(({ ctx, input }) => comments.clauseCounts(ctx.db, ctx.actor, input.slug, input.version)),
  revisions: publicProcedure("comment.revisions")
    .input(commentIdInput)
    .query(({ ctx, input }) => comments.commentRevisionsOf(ctx.db, ctx.actor, input.commentId)),
  mine: actorProcedure("comment.mine").query(({ ctx }) => comments.myComments(ctx.db, ctx.actor)),
  create: actorProcedure("comment.create")
    .input(createCommentInput)
    .mutation(({ ctx, input }) => comments.createComment(ctx.db, ctx.actor, input)),
  edit: actorProcedure("comment.edit")
    .input(editCommentInput)
    .mutation(({ ctx, input }) => comments.editComment(ctx.db, ctx.actor, input)),
  delete: actorProcedure("comment.delete")
    .input(commentIdInput)
    .mutation(({ ctx, input }) => comments.deleteComment(ctx.db, ctx.actor, input.commentId)),
  report: actorProcedure("comment.report")
    .input(reportCommentInput)
    .mutation(({ ctx, input }) => comments.reportComment(ctx.db, ctx.actor, input)),
  appeal: actorProcedure("comment.appeal")
    .input(appealCommentInput)
    .mutation(({ ctx, input }) => comments.appealComment(ctx.db, ctx.actor, input)),
});

export const moderationRouter = createTRPCRouter({
  log: publicProcedure("moderation.log")
    .input(moderationLogInput)
    .query(({ ctx, input }) => moderation.publicModerationLog(ctx.db, input)),
  queue: actorProcedure("moderation.queue").query(({ ctx }) => moderation.moderationQueue(ctx.db, ctx.actor)),
  hide: actorProcedure("moderation.hide")
    .input(hideCommentInput)
    .mutation(({ ctx, input }) => moderation.hideComment(ctx.db, ctx.actor, input)),
  restore: actorProcedure("moderation.restore")
    .input(restoreCommentInput)
    .mutation(({ ctx, input }) => moderation.restoreComment(ctx.db, ctx.actor, input)),
  dismissReports: actorProcedure("moderation.dismissReports")
    .input(dismissReportsInput)
    .mutation(({ ctx, input }) => moderation.dismissReports(ctx.db, ctx.actor, input)),
  suspendAuthor: actorProcedure("moderation.suspendAuthor")
    .input(suspendAuthorInput)
    .mutation(({ ctx, input }) => moderation.suspendAuthor(ctx.db, ctx.actor, input)),
  decideAppeal: actorProcedure("moderation.decideAppeal")
    .input(decideCommentAppealInput)
    .mutation(({ ctx, input }) => moderation.decideCommentAppeal(ctx.db, ctx.actor, input)),
});
