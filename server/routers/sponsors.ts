import * as sponsors from "../domain/sponsors";
import { normSponsorsInput, organizationSponsorshipsInput, requestSponsorshipInput, sponsorRef } from "../schemas/sponsors";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const sponsorsRouter = createTRPCRouter({
  forNorm: publicProcedure("sponsor.forNorm")
    .input(normSponsorsInput)
    .query(({ ctx, input }) => sponsors.sponsorsForNorm(ctx.db, ctx.actor, input.slug)),
  forOrganization: publicProcedure("sponsor.forOrganization")
    .input(organizationSponsorshipsInput)
    .query(({ ctx, input }) => sponsors.sponsorshipsOfOrganization(ctx.db, input.slug)),
  request: actorProcedure("sponsor.request")
    .input(requestSponsorshipInput)
    .mutation(({ ctx, input }) => sponsors.requestSponsorship(ctx.db, ctx.actor, input)),
  withdraw: actorProcedure("sponsor.withdraw")
    .input(sponsorRef)
    .mutation(({ ctx, input }) => sponsors.withdrawSponsorship(ctx.db, ctx.actor, input.sponsorId)),
  accept: actorProcedure("sponsor.accept")
    .input(sponsorRef)
    .mutation(({ ctx, input }) => sponsors.acceptSponsorship(ctx.db, ctx.actor, input.sponsorId)),
  decline: actorProcedure("sponsor.decline")
    .input(sponsorRef)
    .mutation(({ ctx, input }) => sponsors.declineSponsorship(ctx.db, ctx.actor, input.sponsorId)),
});
