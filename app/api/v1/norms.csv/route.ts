import { normsCsvResponse } from "~/server/open-data/norms";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => withDb((db) => normsCsvResponse(db, new URL(request.url).searchParams));
