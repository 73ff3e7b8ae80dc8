// The six languages in the address (issue 20): where each page lives, how a first visit picks its
// language, and what the middleware and the page cache do with each (server/i18n/paths.ts,
// middleware.ts, server/page-cache/routes.ts).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { middleware } from "~/middleware";
import { isCacheableRequest } from "~/server/page-cache/routes";
import { localeCode, localizePath, negotiateLocale, splitLocale } from "~/server/i18n/paths";

describe("addresses", () => {
  it("prefixes every language but English, and leaves the API, static files and other sites alone", () => {
    expect(localizePath("/norms?status=consultation", "fr")).toBe("/fr/norms?status=consultation");
    expect(localizePath("/", "ar")).toBe("/ar");
    expect(localizePath("/?q=1", "zh")).toBe("/zh?q=1");
    expect(localizePath("/norms", "en")).toBe("/norms");
    expect(localizePath("/norms", "en-GB")).toBe("/norms");
    expect(localizePath("/norms", "ar-u-nu-latn")).toBe("/ar/norms");
    expect(localizePath("/api/v1/norms", "ru")).toBe("/api/v1/norms");
    expect(localizePath("/fonts/noto-sans-sc/index.css", "zh")).toBe("/fonts/noto-sans-sc/index.css");
    expect(localizePath("https://example.org/x", "es")).toBe("https://example.org/x");
    expect(localizePath("//example.org/x", "es")).toBe("//example.org/x");
    expect(localizePath("#main", "es")).toBe("#main");
    // Already in a language: as it is (a callback address from a localized page).
    expect(localizePath("/ru/norms/x?y=1", "fr")).toBe("/ru/norms/x?y=1");
  });

  it("splits a language prefix from the page's path, and nothing that only looks like one", () => {
    expect(splitLocale("/fr/norms/a")).toEqual({ prefix: "fr", path: "/norms/a" });
    expect(splitLocale("/zh")).toEqual({ prefix: "zh", path: "/" });
    expect(splitLocale("/norms")).toEqual({ prefix: null, path: "/norms" });
    expect(splitLocale("/french/x")).toEqual({ prefix: null, path: "/french/x" });
    expect(localeCode("zh-Hans")).toBe("zh");
    expect(localeCode("de")).toBe("en");
  });

  it("takes a first visit's language from Accept-Language by weight, English when none is the forum's", () => {
    expect(negotiateLocale("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr");
    expect(negotiateLocale("de-DE, ru;q=0.5, en;q=0.4")).toBe("ru");
    expect(negotiateLocale("en;q=0.3, ar;q=0.7")).toBe("ar");
    expect(negotiateLocale("zh-TW")).toBe("zh");
    expect(negotiateLocale("de, it")).toBe("en");
    expect(negotiateLocale("es;q=0, fr;q=2")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
    // A hostile header is read in linear time and only its first ranges count.
    expect(negotiateLocale(`${"x;q=0.1,".repeat(50_000)}fr`)).toBe("en");
  });
});

const request = (path: string, init: { cookie?: string; acceptLanguage?: string; method?: string } = {}) =>
  new NextRequest(new URL(path, "http://forum.test"), {
    method: init.method ?? "GET",
    headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.acceptLanguage ? { "accept-language": init.acceptLanguage } : {}) },
  });
const rewrittenTo = (response: Response) => response.headers.get("x-middleware-rewrite");
const passedHeader = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe("the middleware", () => {
  it("renders /fr/… with the page at /… in French, and remembers the choice", () => {
    const response = middleware(request("/fr/norms?status=consultation"));
    expect(rewrittenTo(response)).toBe("http://forum.test/norms?status=consultation");
    expect(passedHeader(response, "x-nf-locale")).toBe("fr");
    expect(passedHeader(response, "x-nf-path")).toBe("/norms?status=consultation");
    expect(response.headers.get("set-cookie")).toMatch(/NEXT_LOCALE=fr/);
    expect(response.headers.get("content-security-policy")).toMatch(/nonce-/);
  });

  it("sends /en/… to the unprefixed page and remembers English", () => {
    const response = middleware(request("/en/norms?x=1", { cookie: "NEXT_LOCALE=ru" }));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://forum.test/norms?x=1");
    expect(response.headers.get("set-cookie")).toMatch(/NEXT_LOCALE=en/);
  });

  it("sends a first visit to the browser's language, and a remembered choice over the browser's", () => {
    const first = middleware(request("/norms", { acceptLanguage: "ar, en;q=0.5" }));
    expect(first.status).toBe(307);
    expect(first.headers.get("location")).toBe("http://forum.test/ar/norms");
    const remembered = middleware(request("/norms", { cookie: "NEXT_LOCALE=en", acceptLanguage: "ar" }));
    expect(rewrittenTo(remembered)).toBeNull();
    expect(passedHeader(remembered, "x-nf-locale")).toBe("en");
    const chosen = middleware(request("/", { cookie: "NEXT_LOCALE=zh", acceptLanguage: "en" }));
    expect(chosen.headers.get("location")).toBe("http://forum.test/zh");
  });

  it("serves English to a first visit without a preference, setting no cookie (the page stays cacheable)", () => {
    const response = middleware(request("/norms", { acceptLanguage: "de" }));
    expect(response.status).toBe(200);
    expect(passedHeader(response, "x-nf-locale")).toBe("en");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("leaves files alone, and lets no client-side navigation or prefetch change the remembered language", () => {
    const icon = middleware(request("/icon.svg?x", { cookie: "NEXT_LOCALE=fr" }));
    expect(icon.status).toBe(200);
    expect(rewrittenTo(icon)).toBeNull();
    expect(middleware(request("/.well-known/security.txt", { acceptLanguage: "ru" })).status).toBe(200);
    const prefetch = new NextRequest(new URL("/es/norms", "http://forum.test"), { headers: { cookie: "NEXT_LOCALE=en", "sec-fetch-dest": "empty", "sec-fetch-mode": "cors" } });
    const response = middleware(prefetch);
    expect(passedHeader(response, "x-nf-locale")).toBe("es");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers a form's post where it was sent, whatever the remembered language", () => {
    const response = middleware(request("/norms/new", { cookie: "NEXT_LOCALE=fr", method: "POST" }));
    expect(response.status).toBe(200);
    expect(passedHeader(response, "x-nf-locale")).toBe("en");
  });
});

describe("the page cache", () => {
  it("keeps each language's public pages, and not an unprefixed page the middleware would redirect", () => {
    expect(isCacheableRequest("GET", "/fr/norms", {})).toBe(true);
    expect(isCacheableRequest("GET", "/ar", {})).toBe(true);
    expect(isCacheableRequest("GET", "/fr/norms/new", {})).toBe(false);
    expect(isCacheableRequest("GET", "/en/norms", {})).toBe(false);
    expect(isCacheableRequest("GET", "/norms", {})).toBe(true);
    expect(isCacheableRequest("GET", "/norms", { "accept-language": "es-ES" })).toBe(false);
    expect(isCacheableRequest("GET", "/norms", { cookie: "a=b; NEXT_LOCALE=ru" })).toBe(false);
    expect(isCacheableRequest("GET", "/norms", { cookie: "NEXT_LOCALE=en", "accept-language": "ru" })).toBe(true);
  });
});
