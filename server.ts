// The production and development server: Next.js behind a Node HTTP server that decides who the
// client is. Next.js keeps a client-sent X-Forwarded-For as it is, so without this anyone could
// claim any address and escape per-address limits. Run with `npm start` (or `npm run dev:server`).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import type { createPageCache } from "./server/page-cache";
import { claimProxyMark, PROXY_MARK_HEADER, rewriteForwardedFor } from "./server/auth/client-address";
import { MISSING_APP_URL, originOf, withRequestOrigin } from "./server/request-origin";
import { createSearchThrottle, DEFAULT_SEARCHES_PER_MINUTE } from "./server/search-throttle";
import searchMessages from "./messages/en/search.json";
import { nowMs } from "./server/clock";
import { testClockEnabled, testClockRefusal } from "./server/test-clock";
import { publishedTrpcHandler, trpcOutsideNext } from "./server/trpc-direct";

type Handle = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Replaces whatever the client said about addresses with what this server knows: the TCP peer,
 * after at most `trustedProxies` hops from the right of the incoming X-Forwarded-For; and marks
 * the request so the app knows the header came from here (server/auth/client-address.ts). Returns
 * the client's address so established, or null when unknown.
 */
export function rewriteRequest(req: IncomingMessage, trustedProxies: number, mark: string): string | null {
  const incoming = req.headers["x-forwarded-for"];
  const chain = rewriteForwardedFor(req.socket.remoteAddress, Array.isArray(incoming) ? incoming.join(",") : incoming, trustedProxies);
  if (chain) req.headers["x-forwarded-for"] = chain;
  else delete req.headers["x-forwarded-for"];
  delete req.headers["x-real-ip"];
  // With no proxy of ours in front, the client itself wrote any X-Forwarded-Host/Proto/Port or
  // Forwarded header: drop them, and Next.js fills them from the connection as it does without.
  if (trustedProxies === 0) {
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"]) delete req.headers[name];
  }
  req.headers[PROXY_MARK_HEADER] = mark;
  // The client: the leftmost entry of what this server now vouches for.
  return chain ? chain.split(",", 1)[0]! : null;
}

/**
 * An HTTP server passing every request, rewritten, to `handle` (Next.js's request handler), with
 * the origin it was addressed to recorded for absolute links when APP_URL is unset (development).
 */
export function createAppServer(
  handle: Handle,
  {
    trustedProxies,
    pageCache,
    searchesPerMinute = DEFAULT_SEARCHES_PER_MINUTE,
    api,
  }: {
    trustedProxies: number;
    pageCache?: ReturnType<typeof createPageCache>;
    searchesPerMinute?: number;
    /** Serves a request itself (its promise), or returns null for `handle` to (server/trpc-direct.ts). */
    api?: (req: IncomingMessage, res: ServerResponse) => Promise<void> | null;
  },
) {
  const mark = claimProxyMark();
  // Searches per client address (server/search-throttle.ts); one answered from the page cache is not counted.
  const searches = createSearchThrottle({ limit: searchesPerMinute, text: searchMessages.limited });
  return createServer((req, res) => {
    const address = rewriteRequest(req, trustedProxies, mark);
    const origin = originOf(req.headers, trustedProxies);
    const render = () => (searches.refuse(req, res, address) ? undefined : (api?.(req, res) ?? handle(req, res)));
    const serve = () => (pageCache ? pageCache.serve(req, res, render) : render());
    Promise.resolve(withRequestOrigin(origin, serve)).catch((error: unknown) => {
      console.error("request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
  });
}

async function main() {
  const dev = process.argv.includes("--dev");
  // As `next start` and `next dev` do; Next.js reads NODE_ENV as it loads.
  (process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
  const { loadEnvConfig } = await import("@next/env");
  loadEnvConfig(process.cwd(), dev);
  const { env } = await import("./env.js");
  if (!dev && !env.APP_URL) {
    // Links in mail, open data and citations need the public address; refuse rather than guess it.
    console.error(MISSING_APP_URL);
    process.exit(1);
  }
  // Made now, before Next.js starts: instrumentation.ts reads it to know the app runs behind this server.
  claimProxyMark();
  const clockRefusal = testClockRefusal({ appUrl: env.APP_URL, throughServerTs: true });
  if (clockRefusal) {
    console.error(clockRefusal);
    process.exit(1);
  }
  const { default: next } = await import("next");

  // Every interface, as `next start` does. (Not HOSTNAME: containers set it to their own name.)
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dev, port });
  await app.prepare();
  // Public pages for people not signed in are kept and served until a write or a time rule changes
  // them (server/page-cache). It needs PostgreSQL, which every instance reads to know what changed.
  const cacheOn = Boolean(env.DATABASE_URL) && env.PAGE_CACHE !== false;
  const pageCache = cacheOn ? await startPageCache(env.DATABASE_URL!, env.PAGE_CACHE_MB) : undefined;
  // /api/trpc without Next.js's router, with the handler the app published as it started
  // (server/trpc-direct.ts); not under `next dev`, whose code reloads.
  const api = dev ? undefined : trpcOutsideNext({ production: true });
  const server = createAppServer(app.getRequestHandler(), { trustedProxies: env.TRUSTED_PROXIES, pageCache, searchesPerMinute: env.SEARCHES_PER_MINUTE, api });
  const trpcDirect = Boolean(api && publishedTrpcHandler());
  server.listen(port, () => {
    console.log(
      `Norms Forum ready on port ${port} (${dev ? "development" : "production"}, TRUSTED_PROXIES=${env.TRUSTED_PROXIES}, page cache ${pageCache ? "on" : "off"}, /api/trpc ${trpcDirect ? "served directly" : "through Next.js"}${testClockEnabled() ? ", TEST_CLOCK on" : ""})`,
    );
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // The job queue this process started (server/notifications/worker.ts) lets its jobs in hand
    // finish, and stops taking new ones; what is left waits in the database for another instance.
    const queue = (globalThis as { [key: symbol]: Promise<{ stop(): Promise<void> } | null> | undefined })[Symbol.for("norms-forum.job-queue")];
    void queue?.then((q) => q?.stop()).catch(() => {});
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

async function startPageCache(url: string, megabytes: number) {
  const { createPageCache } = await import("./server/page-cache");
  const { postgresPageCacheState } = await import("./server/page-cache/postgres");
  return createPageCache({
    state: postgresPageCacheState(url),
    now: nowMs,
    maxBytes: megabytes * 1024 * 1024,
    onError: (error) => console.error("page cache: rendering without it", error),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
