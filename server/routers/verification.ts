import * as nominations from "../domain/nominations";
import * as representation from "../domain/representation";
import * as verification from "../domain/verification";
import { decideParticipationInput, rejectInput, slugInput, verifyInput } from "../schemas/organizations";
import { confirmDomainsInput, decideNominationInput, recordExceptionInput } from "../schemas/representation";
import { actorProcedure, createTRPCRouter } from "../trpc";

export const verificationRouter = createTRPCRouter({
  queue: actorProcedure("verification.queue").query(({ ctx }) => verification.verificationQueue(ctx.db)),
  // Verified organisations' domains registered since, waiting for confirmation.
  domainsAwaiting: actorProcedure("verification.queue").query(({ ctx }) => representation.domainsAwaitingConfirmation(ctx.db)),
  verify: actorProcedure("verification.verify")
    .input(verifyInput)
    .mutation(({ ctx, input }) => verification.verifyOrganization(ctx.db, ctx.actor, input)),
  reject: actorProcedure("verification.reject")
    .input(rejectInput)
    .mutation(({ ctx, input }) => verification.rejectOrganization(ctx.db, ctx.actor, input.organizationId, input.reason)),
  revoke: actorProcedure("verification.revoke")
    .input(rejectInput)
    .mutation(({ ctx, input }) => verification.revokeVerification(ctx.db, ctx.actor, input.organizationId, input.reason)),
  confirmDomains: actorProcedure("verification.confirmDomains")
    .input(confirmDomainsInput)
    .mutation(({ ctx, input }) => representation.confirmDomains(ctx.db, ctx.actor, input)),
  // Observers asking to take part fully (issue 17), and the secretariat's answer.
  participationRequests: actorProcedure("verification.participationRequests").query(({ ctx }) => verification.participationRequests(ctx.db)),
  decideParticipation: actorProcedure("verification.decideParticipation")
    .input(decideParticipationInput)
    .mutation(({ ctx, input }) => verification.decideParticipation(ctx.db, ctx.actor, input)),
  // New representatives of states and intergovernmental organisations, nominated (issue 17).
  nominations: actorProcedure("verification.nominations").query(({ ctx }) => nominations.nominationQueue(ctx.db)),
  decideNomination: actorProcedure("verification.decideNomination")
    .input(decideNominationInput)
    .mutation(({ ctx, input }) => nominations.decideNomination(ctx.db, ctx.actor, input)),
  // An organisation's members and what each representation rests on, for recording exceptions.
  representation: actorProcedure("verification.representation")
    .input(slugInput)
    .query(({ ctx, input }) => representation.representationOf(ctx.db, input.slug)),
  recordException: actorProcedure("verification.recordException")
    .input(recordExceptionInput)
    .mutation(({ ctx, input }) => representation.recordException(ctx.db, ctx.actor, input)),
});
