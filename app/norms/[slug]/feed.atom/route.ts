import { normFeedResponse } from "~/server/open-data/feeds";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export const GET = async (request: Request, { params }: Params) => {
  const { slug } = await params;
  return withDb((db) => normFeedResponse(db, slug, request));
};
