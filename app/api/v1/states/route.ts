import { listStatesResponse } from "~/server/open-data/states";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => withDb((db) => listStatesResponse(db, new URL(request.url).searchParams));
