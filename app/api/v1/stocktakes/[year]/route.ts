import { stocktakeResponse } from "~/server/open-data/stocktakes";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ year: string }> };

export const GET = async (_request: Request, { params }: Params) => {
  const { year } = await params;
  return withDb((db) => stocktakeResponse(db, year));
};
