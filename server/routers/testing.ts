import { setForumClock, tickNow } from "../domain/testing";
import { setClockInput } from "../schemas/testing";
import { createTRPCRouter, publicProcedure } from "../trpc";

// End-to-end tests only (TEST_CLOCK=1); "not found" otherwise.
export const testingRouter = createTRPCRouter({
  setClock: publicProcedure("testing.setClock")
    .input(setClockInput)
    .mutation(({ ctx, input }) => setForumClock(ctx.db, ctx.ip, input)),
  // Runs the scheduled work now, as the server's timer would (server/tick.ts).
  tick: publicProcedure("testing.tick").mutation(({ ctx }) => tickNow(ctx.db, ctx.mailer, ctx.ip)),
});
