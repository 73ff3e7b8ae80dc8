// Which requests may be answered from the page cache: a full-page GET or HEAD of a public page (or
// an open-data read) by someone who is not signed in. Such a page is the same for every anonymous visitor, so it is
// rendered once per change (server/page-cache/index.ts). Everything else goes to Next.js as before.
import type { IncomingHttpHeaders } from "node:http";
import { DEFAULT_LOCALE, isLocale } from "~/server/i18n/locales";
import { LOCALE_COOKIE, negotiateLocale, splitLocale } from "~/server/i18n/paths";

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

/** Public in any language: /fr/norms as /norms (server/i18n/paths.ts). */
export function isPublicPath(localized: string) {
  const { prefix, path: pathname } = splitLocale(localized);
  // /en/… only redirects to the unprefixed page.
  if (prefix === DEFAULT_LOCALE) return false;
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
  if (!isPublicPath(pathname)) return false;
  // An unprefixed (English) page is sent, by the middleware, to the reader's language when they
  // chose another or their browser asks for one on a first visit: that redirect is not kept.
  return Boolean(splitLocale(pathname).prefix) || wantsEnglish(cookie, headers["accept-language"]);
}

/** The language the middleware sends an unprefixed page's reader to is English (middleware.ts). */
function wantsEnglish(cookie: string | undefined, acceptLanguage: string | undefined) {
  const remembered = cookie ? cookieValue(cookie, LOCALE_COOKIE) : undefined;
  return (isLocale(remembered) ? remembered : negotiateLocale(acceptLanguage)) === DEFAULT_LOCALE;
}

/** One cookie's value from a Cookie header, read by splitting. */
function cookieValue(header: string, name: string) {
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
