// Which requests may be answered from the page cache: a full-page GET or HEAD of a public page (or
// an open-data read) by someone who is not signed in. Such a page is the same for every anonymous visitor, so it is
// rendered once per change (server/page-cache/index.ts). Everything else goes to Next.js as before.
import type { IncomingHttpHeaders } from "node:http";

/**
 * Public pages and the open-data API, as path prefixes. Pages for signed-in people and staff, the
 * tRPC and auth APIs and sign-in are not here.
 */
const PUBLIC_PREFIXES = ["/api/v1", "/norms", "/search", "/compare", "/reference", "/forums", "/organizations", "/states", "/stocktakes", "/about", "/open-data", "/house-rules", "/moderation-log", "/privacy", "/security"];

/**
 * Never kept: pages under those prefixes that are personal or forms for signed-in people, and the
 * open-data exports that stream the whole record a batch at a time (CSV, a norm's positions and
 * their history), which would otherwise be held in memory before the first byte is sent.
 */
const PERSONAL = [
  /^\/norms\/(new|mine)(\/|$)/,
  /^\/organizations\/(new|mine)(\/|$)/,
  /\/(edit|manage)(\/|$)/,
  /\/observations\/new(\/|$)/,
  /^\/api\/v1\/.*\.csv$/,
  /^\/api\/v1\/norms\/[^/]+\/positions(\/history)?$/,
];

/** The cookies next-auth keeps a session in (with or without the __Host- prefix, possibly split in chunks). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-|__Secure-)?authjs\.session-token(?:\.\d+)?=/;

export function isPublicPath(pathname: string) {
  if (pathname === "/") return true;
  if (!PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return false;
  return !PERSONAL.some((p) => p.test(pathname));
}

/**
 * The request headers a page's answer depends on besides its address: whether it is a client-side
 * navigation's or a prefetch's RSC payload rather than the whole page, and which layouts the
 * browser already has (Next.js answers a navigation with only what the browser lacks). They are
 * the headers Next.js names in its Vary, and part of the cache's key.
 */
export const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;

/**
 * Whether this request can be answered from the cache: GET or HEAD of a public page, whole or as a
 * client-side navigation's RSC payload (not a server action), by someone not signed in.
 */
export function isCacheableRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders) {
  if ((method !== "GET" && method !== "HEAD") || !url) return false;
  if (headers["next-action"]) return false;
  const cookie = headers.cookie;
  if (cookie && SESSION_COOKIE.test(cookie)) return false;
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  return isPublicPath(pathname);
}
