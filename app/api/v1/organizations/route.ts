import { listOrganizationsResponse } from "~/server/open-data/organizations";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => withDb((db) => listOrganizationsResponse(db, new URL(request.url).searchParams));
