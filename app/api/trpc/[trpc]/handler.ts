import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { isDatabaseUnavailable, RETRY_AFTER_UNAVAILABLE_SECONDS } from "~/server/errors";
import { logger } from "~/server/logger";
import { appRouter } from "~/server/root";
import type { Context } from "~/server/trpc";
import { BODY_TOO_LARGE, MAX_TRPC_BODY_BYTES } from "~/server/trpc-direct";

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

/** The /api/trpc handler, given how to build a request's context (tests pass their own). */
export function createTrpcHandler(createContext: (req: Request) => Promise<Context>) {
  return async function handler(req: Request) {
    if (req.method === "POST") {
      if (crossSite(req)) return refuse(403, "Cross-site requests are not accepted.");
      if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
        return refuse(415, "Send JSON (Content-Type: application/json).");
      }
      // Served outside Next.js's router, the body is not even read past the limit (server/trpc-direct.ts).
      if (Number(req.headers.get("content-length") ?? 0) > MAX_TRPC_BODY_BYTES) return refuse(413, BODY_TOO_LARGE);
    }
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () =>
        createContext(req).catch((error: unknown) => {
          // Reading the signed-in person needs the database; while it is down, say so (503).
          if (isDatabaseUnavailable(error)) {
            throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The forum is briefly unavailable. Please try again in a few seconds.", cause: error });
          }
          throw error;
        }),
      // Mutations are POST only (tRPC refuses GET for them); batches are capped.
      allowMethodOverride: false,
      maxBatchSize: 20,
      // Every answer here can depend on who is signed in (account.me carries the email and any
      // suspension reason; errors say whether there is a session), so none may be kept by a
      // browser's history cache or a shared proxy.
      responseMeta: ({ errors }) => {
        const headers = new Headers({ "Cache-Control": "private, no-store" });
        if (errors.some((e) => e.code === "SERVICE_UNAVAILABLE")) headers.set("Retry-After", String(RETRY_AFTER_UNAVAILABLE_SECONDS));
        return { headers };
      },
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC request failed");
      },
    });
  };
}
