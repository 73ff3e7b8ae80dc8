import { normAmendmentsResponse } from "~/server/open-data/amendments";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export const GET = async (_request: Request, { params }: Params) => {
  const { slug } = await params;
  return withDb((db) => normAmendmentsResponse(db, slug));
};
