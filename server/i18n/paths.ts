// Where each language lives in the address (issue 20): English at the unprefixed paths (/norms),
// every other language under its code (/fr/norms); /en/norms redirects to /norms. Edge-safe (the
// middleware imports it): no Node APIs, no database.
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

/** The cookie that remembers the reader's language (set whenever a page is read in one). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** The request header the middleware passes the page's language in (server/i18n/request.ts). */
export const LOCALE_HEADER = "x-nf-locale";
/** The request header carrying the path without its language, for the switcher and the alternates. */
export const PATH_HEADER = "x-nf-path";

/** Paths that are not pages and so never carry a language. */
const UNLOCALIZED = /^\/(api|_next|fonts)(\/|$)/;

/** `path` ("/norms?x=1") as read in `locale`: prefixed unless English; API and static paths as they are. */
export function localizePath(path: string, locale: Locale | string): string {
  const code = localeCode(locale);
  if (code === DEFAULT_LOCALE || !path.startsWith("/") || path.startsWith("//") || UNLOCALIZED.test(path)) return path;
  // Already in a language (a callback address from a localized page): as it is.
  if (splitLocale(path.split(/[?#]/, 1)[0]!).prefix) return path;
  return path === "/" ? `/${code}` : /^\/[?#]/.test(path) ? `/${code}${path.slice(1)}` : `/${code}${path}`;
}

/** A pathname split into its language prefix (if any) and the path the page is at. */
export function splitLocale(pathname: string): { prefix: Locale | null; path: string } {
  const end = pathname.indexOf("/", 1);
  const first = end === -1 ? pathname.slice(1) : pathname.slice(1, end);
  if (!isLocale(first)) return { prefix: null, path: pathname };
  return { prefix: first, path: end === -1 ? "/" : pathname.slice(end) };
}

/** The forum language a locale or BCP 47 tag is in ("fr-CA" → "fr", "zh-Hans" → "zh"), or null for another language. */
export function forumLocale(tag: string): Locale | null {
  const code = tag.toLowerCase().split("-")[0];
  return isLocale(code) ? code : null;
}

/**
 * The language a request is for, as the middleware names it for a page (and the browser's calls to
 * /api/trpc name their page's); English when it names none the forum has.
 */
export function requestLocale(headers: Pick<Headers, "get">): Locale {
  const asked = headers.get(LOCALE_HEADER);
  return isLocale(asked) ? asked : DEFAULT_LOCALE;
}

/** The language code of a locale or BCP 47 tag ("en-GB" → "en"); English if none fits. */
export const localeCode = (tag: string): Locale => forumLocale(tag) ?? DEFAULT_LOCALE;

/**
 * The reader's preferred forum language from an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"):
 * the highest-weighted range whose primary language the forum has; English when none has. Parsed by
 * splitting, never by a backtracking pattern, and at most 32 ranges are read.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number; at: number } | null = null;
  const ranges = header.split(",").slice(0, 32);
  ranges.forEach((range, at) => {
    const [tag = "", ...params] = range.trim().split(";");
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split("=");
      if (k === "q") q = Number(v);
    }
    if (!(q > 0) || q > 1) return;
    const code = tag.trim().toLowerCase().split("-")[0];
    if (!isLocale(code)) return;
    if (!best || q > best.q) best = { locale: code, q, at };
  });
  return (best as { locale: Locale } | null)?.locale ?? DEFAULT_LOCALE;
}

export { LOCALES };
