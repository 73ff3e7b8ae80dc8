// Where this request was addressed: used for absolute links when APP_URL is not set, in development
// only. No imports from the app, so server.ts can load it before the environment is read.
import { AsyncLocalStorage } from "node:async_hooks";
import { MISSING_APP_URL } from "./app-url-message";

export { MISSING_APP_URL };

/** Thrown when an absolute link is needed in production and APP_URL is not set. */
export class MissingAppUrlError extends Error {
  constructor() {
    super(MISSING_APP_URL);
    this.name = "MissingAppUrlError";
  }
}

// One store per process: server.ts and the app's bundled server code load this module separately.
const key = Symbol.for("norms-forum.request-origin");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<string | undefined> | undefined>;
const store: AsyncLocalStorage<string | undefined> = (holder[key] ??= new AsyncLocalStorage<string | undefined>());

// A host name, IPv4 or bracketed IPv6 address, and an optional port; nothing else (no path, user or spaces).
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin a request was addressed to, from its Host header (which server.ts leaves as the
 * client's connection gave it) and, behind trusted proxies only, their X-Forwarded-Proto/Host.
 * Undefined when the header is missing or not a plain host.
 */
export function originOf(headers: Record<string, string | string[] | undefined>, trustedProxies: number): string | undefined {
  const first = (name: string) => {
    const value = headers[name];
    return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;
  };
  const host = (trustedProxies > 0 ? first("x-forwarded-host") : undefined) ?? first("host");
  if (!host || !HOST.test(host)) return undefined;
  const proto = trustedProxies > 0 ? first("x-forwarded-proto") : undefined;
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}

/** Runs `fn` with `origin` as the current request's origin. */
export function withRequestOrigin<T>(origin: string | undefined, fn: () => T): T {
  return store.run(origin, fn);
}

/** The current request's origin, when server.ts recorded one. */
export function requestOrigin(): string | undefined {
  return store.getStore();
}

/**
 * The site's public address, without a trailing slash: APP_URL when set; else, outside production,
 * the origin the request was addressed to (or http://localhost:PORT outside a request). In
 * production without APP_URL: MissingAppUrlError, never a guess from the Host header.
 */
export function resolveAppUrl({
  appUrl,
  nodeEnv,
  origin,
  port,
}: {
  appUrl: string | undefined;
  nodeEnv: string | undefined;
  origin: string | undefined;
  port?: string | undefined;
}): string {
  if (appUrl) return appUrl.replace(/\/+$/, "");
  if (nodeEnv === "production") throw new MissingAppUrlError();
  return origin ?? `http://localhost:${port || "3000"}`;
}
