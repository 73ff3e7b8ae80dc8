import { stateResponse } from "~/server/open-data/states";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ iso: string }> };

export const GET = async (request: Request, { params }: Params) => {
  const { iso } = await params;
  return withDb((db) => stateResponse(db, iso, new URL(request.url).searchParams));
};
