import { type NextRequest, NextResponse } from "next/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/server/i18n/locales";
import { LOCALE_COOKIE, LOCALE_HEADER, localizePath, negotiateLocale, PATH_HEADER, splitLocale } from "~/server/i18n/paths";

const YEAR = 365 * 24 * 60 * 60;

/**
 * The page's language (issue 20; server/i18n/paths.ts): /fr/norms is read in French and rendered
 * by the page at /norms; /en/norms redirects to /norms; an unprefixed page asked for by someone
 * whose remembered language (the cookie) or, on a first visit, whose browser's (Accept-Language)
 * is another of the forum's goes to that language's address. Answers the redirect, or the
 * language with the path the page is at.
 */
function routeLocale(request: NextRequest): { redirect: URL; locale: Locale } | { locale: Locale; path: string } {
  const { pathname, search } = request.nextUrl;
  const { prefix, path } = splitLocale(pathname);
  if (prefix === DEFAULT_LOCALE) return { redirect: new URL(path + search, request.url), locale: DEFAULT_LOCALE };
  if (prefix) return { locale: prefix, path };
  // A file (icon.svg, robots.txt, /.well-known/security.txt) is the same in every language.
  if (isFile(path)) return { locale: DEFAULT_LOCALE, path };
  const remembered = request.cookies.get(LOCALE_COOKIE)?.value;
  const wanted = isLocale(remembered) ? remembered : negotiateLocale(request.headers.get("accept-language"));
  // Only a page read: a form's POST (a server action) is answered where it was sent.
  if (wanted !== DEFAULT_LOCALE && (request.method === "GET" || request.method === "HEAD")) {
    return { redirect: new URL(localizePath(path + search, wanted), request.url), locale: wanted };
  }
  return { locale: DEFAULT_LOCALE, path };
}

/** The last segment names a file (has an extension), or the path is under /.well-known. */
const isFile = (path: string) => path.startsWith("/.well-known/") || path.slice(path.lastIndexOf("/") + 1).includes(".");

// The page's language, then security headers for every response, and a per-request nonce so the
// Content-Security-Policy allows Next.js's own scripts and no other inline script. Edge-safe: no
// database, no auth.
export function middleware(request: NextRequest) {
  const routed = routeLocale(request);
  // Remembered when it is a choice: any language but English, or English asked for by /en/ or
  // replacing another (a first English visit sets no cookie, so pages stay cacheable).
  // Only a page loaded in full is a choice: a client-side navigation's or a prefetch's payload,
  // which a page that was just left may still be fetching, never changes the remembered language.
  // Next.js takes its own RSC headers off before the middleware sees them; browsers say what a
  // request is for in Sec-Fetch-Dest (a client without it is taken to load pages).
  const document =
    (request.headers.get("sec-fetch-dest") ?? "document") === "document" && !request.headers.has("rsc") && (request.method === "GET" || request.method === "HEAD");
  const chose = document && (routed.locale !== DEFAULT_LOCALE || request.cookies.has(LOCALE_COOKIE) || splitLocale(request.nextUrl.pathname).prefix === DEFAULT_LOCALE);
  const remember = (response: NextResponse) => {
    if (chose && request.cookies.get(LOCALE_COOKIE)?.value !== routed.locale) {
      response.cookies.set(LOCALE_COOKIE, routed.locale, { path: "/", maxAge: YEAR, sameSite: "lax" });
    }
    return response;
  };
  if ("redirect" in routed) return remember(NextResponse.redirect(routed.redirect, 307));
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles are allowed for the component library (Radix positions popovers with them).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(LOCALE_HEADER, routed.locale);
  requestHeaders.set(PATH_HEADER, routed.path + request.nextUrl.search);
  const response = remember(
    routed.path === request.nextUrl.pathname
      ? NextResponse.next({ request: { headers: requestHeaders } })
      : NextResponse.rewrite(new URL(routed.path + request.nextUrl.search, request.url), { request: { headers: requestHeaders } }),
  );
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (!dev) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Not the API (JSON and CSV: next.config.mjs gives it fixed headers) nor static files and fonts.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|fonts/).*)" }],
};
