import { stocktakePdfResponse } from "~/server/open-data/stocktakes";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ year: string }> };

// ?lang=fr: the PDF whose fixed text is in French (any of the six); without it, the authoritative English one.
export const GET = async (request: Request, { params }: Params) => {
  const { year } = await params;
  return withDb((db) => stocktakePdfResponse(db, year, undefined, new URL(request.url).searchParams.get("lang")));
};
