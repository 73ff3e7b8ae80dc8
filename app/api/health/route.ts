import { getDb } from "~/db/client";
import { checkHealth } from "~/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { status, body } = await checkHealth(getDb);
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
