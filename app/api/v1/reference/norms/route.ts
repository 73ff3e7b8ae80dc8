import { referenceNormsResponse } from "~/server/open-data/reference";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

export const GET = () => withDb((db) => referenceNormsResponse(db));
