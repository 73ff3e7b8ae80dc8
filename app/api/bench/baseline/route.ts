import { getDb } from "~/db/client";
import { listNorms } from "~/server/domain/norm-queries";
import { listNormsInput } from "~/server/schemas/norms";

// The framework baseline of `npm run bench:http` (scripts/bench-http.ts): the SQL of
// GET /api/v1/norms?status=consultation through the same pool, with no tRPC, no per-request
// validation and no middleware (the middleware never runs on /api). It exists only while the
// server was started with BENCH_BASELINE=1; otherwise it answers 404 like any unknown path.
export const dynamic = "force-dynamic";

// Parsed once, so each request does no validation; the same defaults (limit 20) as the API's.
const input = listNormsInput.parse({ status: "consultation" });

export async function GET() {
  if (process.env.BENCH_BASELINE !== "1") return new Response("Not found", { status: 404 });
  const { items, nextCursor } = await listNorms(await getDb(), input);
  return Response.json({ items, nextCursor });
}
