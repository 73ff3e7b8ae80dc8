import * as amendments from "../domain/amendments";
import {
  acceptAmendmentInput,
  amendmentInput,
  amendmentRef,
  declineAmendmentInput,
  normAmendmentsInput,
  proposeAmendmentInput,
  supportAmendmentInput,
} from "../schemas/amendments";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const amendmentsRouter = createTRPCRouter({
  forNorm: publicProcedure("amendment.forNorm")
    .input(normAmendmentsInput)
    .query(({ ctx, input }) => amendments.amendmentsForNorm(ctx.db, ctx.actor, input.slug)),
  get: publicProcedure("amendment.get")
    .input(amendmentInput)
    .query(({ ctx, input }) => amendments.amendmentDetail(ctx.db, ctx.actor, input.slug, input.number)),
  propose: actorProcedure("amendment.propose")
    .input(proposeAmendmentInput)
    .mutation(({ ctx, input }) => amendments.proposeAmendment(ctx.db, ctx.actor, input)),
  support: actorProcedure("amendment.support")
    .input(supportAmendmentInput)
    .mutation(({ ctx, input }) => amendments.supportAmendment(ctx.db, ctx.actor, input)),
  withdraw: actorProcedure("amendment.withdraw")
    .input(amendmentRef)
    .mutation(({ ctx, input }) => amendments.withdrawAmendment(ctx.db, ctx.actor, input.amendmentId)),
  accept: actorProcedure("amendment.accept")
    .input(acceptAmendmentInput)
    .mutation(({ ctx, input }) => amendments.acceptAmendment(ctx.db, ctx.actor, input)),
  decline: actorProcedure("amendment.decline")
    .input(declineAmendmentInput)
    .mutation(({ ctx, input }) => amendments.declineAmendment(ctx.db, ctx.actor, input)),
});
