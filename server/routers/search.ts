import { searchAll } from "../domain/search";
import { searchInput } from "../schemas/search";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const searchRouter = createTRPCRouter({
  all: publicProcedure("search.all")
    .input(searchInput)
    .query(({ ctx, input }) => searchAll(ctx.db, input)),
});
