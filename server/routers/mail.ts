import { unsubscribe, unsubscribeInfo } from "../domain/unsubscribe";
import { unsubscribeInput } from "../schemas/notifications";
import { createTRPCRouter, publicProcedure } from "../trpc";

// Stopping notification mail from the link in it: no sign-in, the signed token is the authority.
export const mailRouter = createTRPCRouter({
  unsubscribeInfo: publicProcedure("mail.unsubscribeInfo")
    .input(unsubscribeInput)
    .query(({ ctx, input }) => unsubscribeInfo(ctx.db, input, ctx.ip)),
  unsubscribe: publicProcedure("mail.unsubscribe")
    .input(unsubscribeInput)
    .mutation(({ ctx, input }) => unsubscribe(ctx.db, input, ctx.ip)),
});
