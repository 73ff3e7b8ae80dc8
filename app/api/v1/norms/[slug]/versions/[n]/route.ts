import { normVersionResponse } from "~/server/open-data/norms";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; n: string }> };

export const GET = async (request: Request, { params }: Params) => {
  const { slug, n } = await params;
  return withDb((db) => normVersionResponse(db, slug, n, new URL(request.url).searchParams));
};
