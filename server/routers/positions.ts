import * as adherence from "../domain/adherence";
import * as countersign from "../domain/countersign";
import * as positions from "../domain/positions";
import * as sealed from "../domain/sealed";
import {
  normPositionsListInput,
  organizationPositionsInput,
  positionHistoryInput,
  positionsForNormInput,
  reaffirmPositionInput,
  recordPositionInput,
  withdrawAdherenceInput,
} from "../schemas/positions";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const positionsRouter = createTRPCRouter({
  forNorm: publicProcedure("position.forNorm")
    .input(positionsForNormInput)
    .query(({ ctx, input }) => positions.positionsForNorm(ctx.db, ctx.actor, input.slug)),
  list: publicProcedure("position.list")
    .input(normPositionsListInput)
    .query(({ ctx, input }) => positions.listNormPositions(ctx.db, ctx.actor, input)),
  every: publicProcedure("position.every")
    .input(positionsForNormInput)
    .query(({ ctx, input }) => positions.everyPositionForNorm(ctx.db, ctx.actor, input.slug)),
  history: publicProcedure("position.history")
    .input(positionHistoryInput)
    .query(({ ctx, input }) => positions.positionHistoryForNorm(ctx.db, ctx.actor, input)),
  adherence: publicProcedure("position.adherence")
    .input(positionsForNormInput)
    .query(({ ctx, input }) => adherence.adherenceForNorm(ctx.db, ctx.actor, input.slug)),
  forOrganization: publicProcedure("position.forOrganization")
    .input(organizationPositionsInput)
    .query(({ ctx, input }) => positions.positionsForOrganization(ctx.db, ctx.actor, input.slug)),
  record: actorProcedure("position.record")
    .input(recordPositionInput)
    // Sent for countersignature where the organisation requires it (countersign.ts), else written.
    .mutation(({ ctx, input }) => countersign.enterPosition(ctx.db, ctx.actor, input, sealed.recordPositionOrSeal)),
  reaffirm: actorProcedure("position.reaffirm")
    .input(reaffirmPositionInput)
    .mutation(({ ctx, input }) => sealed.reaffirmUnlessSealed(ctx.db, ctx.actor, input)),
  // The reader's organisations' sealed entries on the norm (representatives only; empty for anyone else).
  sealed: actorProcedure("position.sealed")
    .input(positionsForNormInput)
    .query(({ ctx, input }) => sealed.mySealedPositions(ctx.db, ctx.actor, input.slug)),
  withdraw: actorProcedure("position.withdraw")
    .input(withdrawAdherenceInput)
    .mutation(({ ctx, input }) => positions.withdrawAdherence(ctx.db, ctx.actor, input)),
});
