// /api/trpc served by server.ts itself, without Next.js's router. Next.js's routing and route
// handler cost about 2 ms of the processor per request on this project's machine (the bare
// handler and a one-row query about 0.2; docs/performance.md, "Recording a position"), more than
// the whole of a signed-in call's own work. The handler is the route's: instrumentation.ts,
// which runs inside the app's bundle as the server starts, publishes it here (on globalThis,
// since server.ts loads this module apart from the bundle), with the route's context and checks;
// this module only turns Node's request into a Fetch API one and back, with the headers
// next.config.mjs gives every /api response. Until it is published (and always under
// `next dev`, whose code reloads) Next.js serves /api/trpc as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiSecurityHeaders } from "./api-headers.mjs";

export type FetchHandler = (req: Request) => Promise<Response>;

const key = Symbol.for("norms-forum.trpc-handler");
type Holder = typeof globalThis & { [key]?: FetchHandler };

/** Called as the server starts (instrumentation.ts) with the handler app/api/trpc/[trpc]/route.ts uses. */
export function publishTrpcHandler(handler: FetchHandler) {
  (globalThis as Holder)[key] = handler;
}

export const publishedTrpcHandler = (): FetchHandler | undefined => (globalThis as Holder)[key];

/**
 * The largest request body /api/trpc reads: a batch of 20 calls each carrying a norm's longest
 * text (30,000 characters, up to 4 bytes each) with room to spare.
 */
export const MAX_TRPC_BODY_BYTES = 4 * 1024 * 1024;
export const BODY_TOO_LARGE = "The request is too large.";

/**
 * For every request server.ts receives: serves a GET or POST under /api/trpc/ with the published
 * handler and returns its promise, or returns null for Next.js to serve the request.
 */
export function trpcOutsideNext({ production, maxBodyBytes = MAX_TRPC_BODY_BYTES }: { production: boolean; maxBodyBytes?: number }) {
  const security = apiSecurityHeaders(production);
  return (req: IncomingMessage, res: ServerResponse): Promise<void> | null => {
    const handler = publishedTrpcHandler();
    if (!handler || !req.url?.startsWith("/api/trpc/") || (req.method !== "GET" && req.method !== "POST")) return null;
    return serve(handler, req, res, security, maxBodyBytes);
  };
}

async function serve(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, security: { key: string; value: string }[], maxBodyBytes: number) {
  const headers: Record<string, string | string[]> = Object.fromEntries(security.map((h) => [h.key, h.value]));
  let body: Uint8Array<ArrayBuffer> | null = null;
  if (req.method === "POST") {
    body = await readBody(req, maxBodyBytes);
    if (!body) {
      // The rest of the body is not read: the connection closes after this answer.
      res.writeHead(413, { ...headers, "content-type": "application/json", "cache-control": "no-store", connection: "close" });
      res.end(JSON.stringify({ error: { message: BODY_TOO_LARGE } }));
      return;
    }
  }
  const requestHeaders = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) requestHeaders.append(name, v);
    else if (value !== undefined) requestHeaders.set(name, value);
  }
  // The handler reads the path and query from the address, and the host from the headers (its
  // same-site check): a fixed origin keeps a malformed Host header from breaking the address.
  const response = await handler(new Request(`http://localhost${req.url}`, { method: req.method, headers: requestHeaders, body }));
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  const payload = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(payload.length);
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** The whole body, or null as soon as it is known to be larger than `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.once("error", reject);
  });
}
