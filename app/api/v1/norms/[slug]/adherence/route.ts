import { normAdherenceResponse } from "~/server/open-data/positions";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export const GET = async (_request: Request, { params }: Params) => {
  const { slug } = await params;
  return withDb((db) => normAdherenceResponse(db, slug));
};
