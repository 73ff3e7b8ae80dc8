import { openApiResponse } from "~/server/open-data/openapi";

export const dynamic = "force-dynamic";

export const GET = () => openApiResponse();
