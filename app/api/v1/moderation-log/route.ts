import { moderationLogResponse } from "~/server/open-data/comments";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => withDb((db) => moderationLogResponse(db, new URL(request.url).searchParams));
