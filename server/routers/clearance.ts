import * as clearance from "../domain/clearance";
import * as countersign from "../domain/countersign";
import {
  entryInput,
  organizationEntriesInput,
  positionDraftInput,
  replyDraftInput,
  setCountersignatureInput,
  statementDraftInput,
} from "../schemas/clearance";
import { actorProcedure, createTRPCRouter } from "../trpc";

// An organisation's drafts and entries waiting for countersignature: its representatives only.
export const clearanceRouter = createTRPCRouter({
  entries: actorProcedure("clearance.entries")
    .input(organizationEntriesInput)
    .query(({ ctx, input }) => clearance.entriesForOrganization(ctx.db, ctx.actor, input.organizationId)),
  entry: actorProcedure("clearance.entry")
    .input(entryInput)
    .query(({ ctx, input }) => clearance.entryDetail(ctx.db, ctx.actor, input.entryId)),
  savePosition: actorProcedure("clearance.savePosition")
    .input(positionDraftInput)
    .mutation(({ ctx, input }) => clearance.savePositionDraft(ctx.db, ctx.actor, input)),
  saveStatement: actorProcedure("clearance.saveStatement")
    .input(statementDraftInput)
    .mutation(({ ctx, input }) => clearance.saveStatementDraft(ctx.db, ctx.actor, input)),
  saveReply: actorProcedure("clearance.saveReply")
    .input(replyDraftInput)
    .mutation(({ ctx, input }) => clearance.saveReplyDraft(ctx.db, ctx.actor, input)),
  submit: actorProcedure("clearance.submit")
    .input(entryInput)
    .mutation(({ ctx, input }) => clearance.submitDraft(ctx.db, ctx.actor, input.entryId)),
  countersign: actorProcedure("clearance.countersign")
    .input(entryInput)
    .mutation(({ ctx, input }) => countersign.countersignEntry(ctx.db, ctx.actor, input.entryId)),
  decline: actorProcedure("clearance.decline")
    .input(entryInput)
    .mutation(({ ctx, input }) => countersign.declineEntry(ctx.db, ctx.actor, input.entryId)),
  withdraw: actorProcedure("clearance.withdraw")
    .input(entryInput)
    .mutation(({ ctx, input }) => countersign.withdrawEntry(ctx.db, ctx.actor, input.entryId)),
  setRequirement: actorProcedure("clearance.setRequirement")
    .input(setCountersignatureInput)
    .mutation(({ ctx, input }) => countersign.setCountersignature(ctx.db, ctx.actor, input)),
});
