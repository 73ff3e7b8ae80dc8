import * as feeds from "../domain/feeds";
import { normSlugInput } from "../schemas/norms";
import { createTRPCRouter, publicProcedure } from "../trpc";

// The Atom feeds' reads (server/domain/feeds.ts): public records only, whoever asks. The route
// handlers call them as a visitor (server/open-data/feeds.ts); the moderation log's feed reads
// moderation.log, as its page does.
export const feedsRouter = createTRPCRouter({
  norms: publicProcedure("feed.norms").query(({ ctx }) => feeds.forumFeed(ctx.db)),
  norm: publicProcedure("feed.norm")
    .input(normSlugInput)
    .query(({ ctx, input }) => feeds.normFeed(ctx.db, input.slug)),
  stocktakes: publicProcedure("feed.stocktakes").query(({ ctx }) => feeds.stocktakesFeed(ctx.db)),
});
