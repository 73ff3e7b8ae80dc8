import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "~/server/context";
import { logger } from "~/server/logger";
import { appRouter } from "~/server/root";

const refuse = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { "Cache-Control": "no-store" } });

/** Browsers always send Origin on POST; a different one means another site is making the call. */
function crossSite(req: Request) {
  const origin = req.headers.get("origin");
  if (origin) {
    try {
      return new URL(origin).host !== (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
    } catch {
      return true;
    }
  }
  return req.headers.get("sec-fetch-site") === "cross-site";
}

async function handler(req: Request) {
  if (req.method === "POST") {
    if (crossSite(req)) return refuse(403, "Cross-site requests are not accepted.");
    if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
      return refuse(415, "Send JSON (Content-Type: application/json).");
    }
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
    // Mutations are POST only (tRPC refuses GET for them); batches are capped.
    allowMethodOverride: false,
    maxBatchSize: 20,
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC request failed");
    },
  });
}

export { handler as GET, handler as POST };
