// The limit on searches per client address (server/search-throttle.ts), on its own and in front of
// a stand-in for Next.js through server.ts's real request handling: addresses as server.ts
// establishes them, a search answered from the page cache not counted, pages that are not searches
// never limited.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache } from "~/server/page-cache";
import { createSearchThrottle, isSearchRequest } from "~/server/search-throttle";
import searchMessages from "~/messages/en/search.json";
import { createAppServer } from "../server";

const trpcGet = (procedures: string, input: unknown) => `/api/trpc/${procedures}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;

describe("what counts as a search", () => {
  it("a page or open-data read with a non-empty q, or a search procedure with a non-empty q", () => {
    expect(isSearchRequest("GET", "/search?q=critical")).toBe(true);
    expect(isSearchRequest("GET", "/norms?status=consultation&q=infrastructure")).toBe(true);
    expect(isSearchRequest("HEAD", "/organizations?q=ministry")).toBe(true);
    expect(isSearchRequest("GET", "/api/v1/norms?q=cables")).toBe(true);
    expect(isSearchRequest("GET", trpcGet("references.compareChoices", { 0: { json: { q: "cert" } } }))).toBe(true);
    expect(isSearchRequest("GET", trpcGet("home.now,search.all", { 1: { json: { q: "ab" } } }))).toBe(true);

    expect(isSearchRequest("GET", "/search")).toBe(false);
    expect(isSearchRequest("GET", "/search?q=")).toBe(false);
    expect(isSearchRequest("GET", "/search?q=%20%20")).toBe(false);
    expect(isSearchRequest("GET", "/norms?status=consultation")).toBe(false);
    expect(isSearchRequest("POST", "/search?q=critical")).toBe(false);
    expect(isSearchRequest("GET", trpcGet("norms.list", { 0: { json: { status: "consultation" } } }))).toBe(false);
    expect(isSearchRequest("GET", trpcGet("norms.get", { 0: { json: { q: "not a search procedure" } } }))).toBe(false);
    expect(isSearchRequest("GET", "/api/trpc/search.all?input=%7Bnot%20json")).toBe(false);
    expect(isSearchRequest("GET", `/api/trpc/search.all?input=${"x".repeat(9000)}`)).toBe(false);
  });
});

describe("the count per address", () => {
  it("allows the limit per window, then says how long to wait, and starts again when the window ends", () => {
    let now = Date.parse("2027-01-10T12:00:00Z");
    const throttle = createSearchThrottle({ limit: 3, windowMs: 60_000, now: () => now, text: searchMessages.limited });
    for (let i = 0; i < 3; i++) expect(throttle.allow("192.0.2.1")).toEqual({ allowed: true });
    now += 20_000;
    expect(throttle.allow("192.0.2.1")).toEqual({ allowed: false, retryAfterSeconds: 40 });
    // Another address has its own count.
    expect(throttle.allow("192.0.2.2")).toEqual({ allowed: true });
    now += 40_000;
    expect(throttle.allow("192.0.2.1")).toEqual({ allowed: true });
  });

  it("remembers at most maxAddresses, forgetting the oldest windows first", () => {
    const throttle = createSearchThrottle({ limit: 1, maxAddresses: 2, text: searchMessages.limited });
    expect(throttle.allow("a").allowed).toBe(true);
    expect(throttle.allow("b").allowed).toBe(true);
    expect(throttle.allow("c").allowed).toBe(true);
    // "a" was forgotten, so it starts a new window; "c" was not.
    expect(throttle.allow("a").allowed).toBe(true);
    expect(throttle.allow("c").allowed).toBe(false);
  });
});

describe("in front of the app", () => {
  let server: ReturnType<typeof createAppServer> | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  let renders = 0;
  const render = (_req: IncomingMessage, res: ServerResponse) => {
    renders++;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<html><body><p>results</p></body></html>");
  };

  async function start(options: Omit<Parameters<typeof createAppServer>[1], "searchesPerMinute"> & { searchesPerMinute: number }) {
    server = createAppServer(render, options);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("answers 429 with Retry-After past the limit, per address, and never limits other pages", async () => {
    renders = 0;
    const url = await start({ trustedProxies: 1, searchesPerMinute: 2 });
    const from = (address: string, path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers: { "x-forwarded-for": address, ...headers } });

    expect((await from("198.51.100.7", "/search?q=one")).status).toBe(200);
    expect((await from("198.51.100.7", "/norms?q=two")).status).toBe(200);
    const refused = await from("198.51.100.7", "/search?q=three");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(refused.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await refused.text();
    expect(page).toContain(searchMessages.limited.title);
    expect(page).toContain(searchMessages.limited.message);
    expect(renders).toBe(2);

    const api = await from("198.51.100.7", "/api/v1/norms?q=four");
    expect(api.status).toBe(429);
    expect(await api.json()).toEqual({ error: { message: searchMessages.limited.message, fieldErrors: {} } });
    expect((await from("198.51.100.7", trpcGet("search.all", { 0: { json: { q: "five" } } }))).status).toBe(429);

    // Pages that are not searches, and other addresses, go on.
    expect((await from("198.51.100.7", "/norms")).status).toBe(200);
    expect((await from("198.51.100.7", "/search")).status).toBe(200);
    expect((await from("198.51.100.8", "/search?q=one")).status).toBe(200);
  });

  it("does not believe an address the client wrote when no proxy of ours stands in front", async () => {
    const url = await start({ trustedProxies: 0, searchesPerMinute: 1 });
    expect((await fetch(`${url}/search?q=a`, { headers: { "x-forwarded-for": "203.0.113.1" } })).status).toBe(200);
    // A new claimed address is still the same TCP peer.
    expect((await fetch(`${url}/search?q=b`, { headers: { "x-forwarded-for": "203.0.113.2" } })).status).toBe(429);
  });

  it("does not count a search answered from the page cache", async () => {
    renders = 0;
    const pageCache = createPageCache({ state: { generation: async () => 1, nextChange: async () => null } });
    const url = await start({ trustedProxies: 0, searchesPerMinute: 1, pageCache });
    expect((await fetch(`${url}/search?q=cables`)).headers.get("x-page-cache")).toBe("miss");
    for (let i = 0; i < 3; i++) {
      const again = await fetch(`${url}/search?q=cables`);
      expect(again.status).toBe(200);
      expect(again.headers.get("x-page-cache")).toBe("hit");
    }
    expect(renders).toBe(1);
    // A new search is one the cache cannot answer: counted, and over the limit of one.
    expect((await fetch(`${url}/search?q=satellites`)).status).toBe(429);
  });
});
