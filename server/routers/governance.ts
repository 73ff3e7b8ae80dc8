import { governancePage, governanceRevision, publishGovernance } from "../domain/governance";
import { governanceRevisionInput, publishGovernanceInput } from "../schemas/governance";
import { actorProcedure, createTRPCRouter, publicProcedure } from "../trpc";

// /about/governance: how the forum is run, with every revision public; an administrator publishes.
export const governanceRouter = createTRPCRouter({
  page: publicProcedure("governance.page").query(({ ctx }) => governancePage(ctx.db)),
  revision: publicProcedure("governance.revision")
    .input(governanceRevisionInput)
    .query(({ ctx, input }) => governanceRevision(ctx.db, input.number)),
  publish: actorProcedure("governance.publish")
    .input(publishGovernanceInput)
    .mutation(({ ctx, input }) => publishGovernance(ctx.db, ctx.actor, input)),
});
