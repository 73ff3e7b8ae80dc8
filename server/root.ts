import { accountRouter } from "./routers/account";
import { actorsRouter } from "./routers/actors";
import { amendmentsRouter } from "./routers/amendments";
import { clearanceRouter } from "./routers/clearance";
import { governanceRouter } from "./routers/governance";
import { homeRouter } from "./routers/home";
import { languagesRouter } from "./routers/languages";
import { commentsRouter, moderationRouter } from "./routers/comments";
import { feedsRouter } from "./routers/feeds";
import { mailRouter } from "./routers/mail";
import { normsRouter } from "./routers/norms";
import { notificationsRouter } from "./routers/notifications";
import { organizationsRouter } from "./routers/organizations";
import { processRouter } from "./routers/process";
import { positionsRouter } from "./routers/positions";
import { referencesRouter } from "./routers/references";
import { glossaryRouter, libraryRouter, uptakeRouter } from "./routers/library";
import { searchRouter } from "./routers/search";
import { sponsorsRouter } from "./routers/sponsors";
import { stocktakesRouter } from "./routers/stocktakes";
import { testingRouter } from "./routers/testing";
import { auditRouter, usersRouter } from "./routers/users";
import { verificationRouter } from "./routers/verification";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  organizations: organizationsRouter,
  actors: actorsRouter,
  verification: verificationRouter,
  users: usersRouter,
  audit: auditRouter,
  governance: governanceRouter,
  norms: normsRouter,
  mail: mailRouter,
  amendments: amendmentsRouter,
  sponsors: sponsorsRouter,
  references: referencesRouter,
  library: libraryRouter,
  uptake: uptakeRouter,
  glossary: glossaryRouter,
  search: searchRouter,
  positions: positionsRouter,
  comments: commentsRouter,
  moderation: moderationRouter,
  stocktakes: stocktakesRouter,
  clearance: clearanceRouter,
  home: homeRouter,
  languages: languagesRouter,
  feeds: feedsRouter,
  notifications: notificationsRouter,
  process: processRouter,
  testing: testingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
