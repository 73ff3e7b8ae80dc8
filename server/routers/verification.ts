import * as verification from "../domain/verification";
import { rejectInput, verifyInput } from "../schemas/organizations";
import { actorProcedure, createTRPCRouter } from "../trpc";

export const verificationRouter = createTRPCRouter({
  queue: actorProcedure("verification.queue").query(({ ctx }) => verification.verificationQueue(ctx.db)),
  verify: actorProcedure("verification.verify")
    .input(verifyInput)
    .mutation(({ ctx, input }) => verification.verifyOrganization(ctx.db, ctx.actor, input)),
  reject: actorProcedure("verification.reject")
    .input(rejectInput)
    .mutation(({ ctx, input }) => verification.rejectOrganization(ctx.db, ctx.actor, input.organizationId, input.reason)),
  revoke: actorProcedure("verification.revoke")
    .input(rejectInput)
    .mutation(({ ctx, input }) => verification.revokeVerification(ctx.db, ctx.actor, input.organizationId, input.reason)),
});
