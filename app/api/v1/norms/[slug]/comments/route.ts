import { normCommentsResponse } from "~/server/open-data/comments";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export const GET = async (request: Request, { params }: Params) => {
  const { slug } = await params;
  return withDb((db) => normCommentsResponse(db, slug, new URL(request.url).searchParams));
};
