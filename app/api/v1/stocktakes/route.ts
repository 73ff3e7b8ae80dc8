import { listStocktakesResponse } from "~/server/open-data/stocktakes";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

export const GET = () => withDb((db) => listStocktakesResponse(db));
