import { forumsResponse } from "~/server/open-data/reference";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => withDb((db) => forumsResponse(db, new URL(request.url).searchParams));
