import { normResponse } from "~/server/open-data/norms";
import { withDb } from "~/server/open-data/with-db";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export const GET = async (request: Request, { params }: Params) => {
  const { slug } = await params;
  return withDb((db) => normResponse(db, slug, new URL(request.url).searchParams));
};
