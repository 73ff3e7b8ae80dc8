import { getDb } from "~/db/client";
import { checkHealth } from "~/server/health";
import { runningQueue } from "~/server/notifications/worker";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkHealth(getDb, 3000, async () => (await runningQueue()) !== null);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if ("retryAfterSeconds" in result) headers["Retry-After"] = String(result.retryAfterSeconds);
  return Response.json(result.body, { status: result.status, headers });
}
