import { moderationLogFeedResponse } from "~/server/open-data/feeds";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => withDb((db) => moderationLogFeedResponse(db, request));
