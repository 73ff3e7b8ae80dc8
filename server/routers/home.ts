import { whatIsOpen } from "../domain/home";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const homeRouter = createTRPCRouter({
  now: publicProcedure("home.now").query(({ ctx }) => whatIsOpen(ctx.db)),
});
