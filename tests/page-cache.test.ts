// The page cache (server/page-cache): which requests it answers, that it never serves a page older
// than the public generation or past the next time rule, that a cached page's scripts are allowed
// by hash and no nonce is shared, and that anything else passes through as Next.js wrote it. The
// renderer here stands in for Next.js; tests/system/page-cache.test.ts runs the built app.
import { createHash } from "node:crypto";
import { createServer, get as httpGet, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createContext, runInContext } from "node:vm";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPageCache } from "~/server/page-cache";
import { inlineScripts, mergeFlightScripts, policyWithHashes } from "~/server/page-cache/csp";
import { coalesceReads } from "~/server/page-cache/postgres";
import { isCacheableRequest } from "~/server/page-cache/routes";

const HOUR = 60 * 60 * 1000;
let generation = 1;
let clock = Date.parse("2027-01-10T12:00:00Z");
let nextChange: Date | null = new Date("2027-01-11T00:00:00Z");
let failGeneration = false;
let renders = 0;
let nonceCount = 0;
let release: (() => void) | null = null;

/** Stands in for Next.js: a page with a per-request nonce on its scripts, as the middleware asks. */
async function render(req: IncomingMessage, res: ServerResponse) {
  renders += 1;
  const nonce = `nonce${++nonceCount}`;
  const url = new URL(req.url!, "http://x");
  if (release === null && url.searchParams.has("hold")) await new Promise<void>((resolve) => (release = resolve));
  res.setHeader("Content-Security-Policy", `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'`);
  res.setHeader("X-Frame-Options", "DENY");
  if (url.pathname === "/norms/missing") {
    res.statusCode = 404;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end("<p>Not found</p>");
    return;
  }
  if (url.pathname.startsWith("/api/v1/")) {
    res.writeHead(200, { "content-type": url.pathname.endsWith(".csv") ? "text/csv" : "application/json" });
    const rows = Number(url.searchParams.get("rows") ?? 1);
    for (let i = 0; i < rows; i++) res.write(`row ${i} of generation ${generation}\n`);
    res.end();
    return;
  }
  if (req.headers.rsc) {
    // A client-side navigation: only what the browser lacks, given the layouts it says it has.
    res.writeHead(200, { "content-type": "text/x-component", vary: "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch" });
    res.end(`rsc ${url.pathname} from ${req.headers["next-router-state-tree"] ?? "-"} prefetch ${req.headers["next-router-prefetch"] ?? "0"} generation ${generation}`);
    return;
  }
  if (url.searchParams.has("cookie")) res.setHeader("set-cookie", "x=1");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.write(`<html><head><script src="/_next/static/a.js" nonce="${nonce}" async></script></head><body>`);
  res.write(`<p>${url.pathname} generation ${generation}</p><script nonce="${nonce}">self.__next_f.push([1,"a\\u003cb"])</script>`);
  res.end(`<script nonce="${nonce}">self.__next_f.push([2])</script></body></html>`);
}

const cache = createPageCache({
  state: {
    generation: async () => {
      if (failGeneration) throw new Error("database down");
      return generation;
    },
    nextChange: async () => nextChange,
  },
  now: () => clock,
  maxAgeMs: HOUR,
});

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => void cache.serve(req, res, () => render(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache.clear();
  renders = 0;
  failGeneration = false;
  release = null;
  nextChange = new Date("2027-01-11T00:00:00Z");
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { "accept-encoding": "identity", ...headers } });
/** The bytes as sent, not decoded (fetch decodes gzip and Brotli itself). */
const rawGet = (path: string, headers: Record<string, string>) =>
  new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    httpGet(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });

describe("which requests the cache answers", () => {
  it("answers a second anonymous visit to a public page without rendering it again", async () => {
    const first = await get("/norms");
    const second = await get("/norms");
    expect([first.headers.get("x-page-cache"), second.headers.get("x-page-cache")]).toEqual(["miss", "hit"]);
    expect(await second.text()).toBe(await first.text());
    expect(renders).toBe(1);
  });

  it("renders every time for someone signed in, for a server action, and for personal pages", async () => {
    await get("/norms/csirt", { cookie: "theme=x; authjs.session-token=abc" });
    await get("/norms/csirt", { cookie: "__Host-authjs.session-token.0=abc" });
    await get("/norms/csirt", { cookie: "__Host-authjs.session-token.0=abc", rsc: "1" });
    await get("/norms/csirt", { "next-action": "abc123" });
    await get("/norms/csirt", { "next-action": "abc123" });
    await get("/norms/csirt/edit");
    await get("/norms/csirt/edit");
    const last = await get("/account");
    expect(last.headers.get("x-page-cache")).toBeNull();
    expect(renders).toBe(8);
  });

  it("keeps a client-side navigation's RSC payload apart from the page, per layouts the browser has", async () => {
    const fromList = { rsc: "1", "next-router-state-tree": "%5B%22%22%2C%7B%22children%22%3A%5B%22norms%22%5D%7D%5D" };
    const fromHome = { rsc: "1", "next-router-state-tree": "%5B%22%22%2C%7B%22children%22%3A%5B%22__PAGE__%22%5D%7D%5D" };
    const page = await get("/norms/csirt");
    const navigation = await get("/norms/csirt?_rsc=1x2", fromList);
    expect(navigation.headers.get("content-type")).toBe("text/x-component");
    expect(await navigation.text()).toContain(`from ${fromList["next-router-state-tree"]}`);
    const again = await get("/norms/csirt?_rsc=1x2", fromList);
    expect(again.headers.get("x-page-cache")).toBe("hit");
    expect(again.headers.get("vary")).toMatch(/Next-Router-State-Tree/);
    expect(await again.text()).toContain(`from ${fromList["next-router-state-tree"]}`);
    // Another starting point, a prefetch and the whole page are each their own answer.
    expect(await (await get("/norms/csirt?_rsc=1x2", fromHome)).text()).toContain(`from ${fromHome["next-router-state-tree"]}`);
    expect(await (await get("/norms/csirt?_rsc=9z8", { ...fromList, "next-router-prefetch": "1" })).text()).toContain("prefetch 1");
    const wholeAgain = await get("/norms/csirt");
    expect(wholeAgain.headers.get("x-page-cache")).toBe("hit");
    expect(await wholeAgain.text()).toBe(await page.text());
    expect(renders).toBe(4);
    // A write moves the generation on: the navigation is rendered again.
    const before = generation;
    generation++;
    try {
      const afterWrite = await get("/norms/csirt?_rsc=1x2", fromList);
      expect(afterWrite.headers.get("x-page-cache")).toBe("miss");
      expect(await afterWrite.text()).toContain(`generation ${generation}`);
    } finally {
      generation = before;
    }
  });

  it("keeps only whole pages: a 404 and a page that sets a cookie pass through as written", async () => {
    const missing = await get("/norms/missing");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("<p>Not found</p>");
    await get("/norms/missing");
    const withCookie = await get("/norms?cookie=1");
    expect(withCookie.headers.get("set-cookie")).toBe("x=1");
    await get("/norms?cookie=1");
    expect(renders).toBe(4);
  });

  it("knows public paths from personal ones", () => {
    const anon = {};
    expect(isCacheableRequest("GET", "/", anon)).toBe(true);
    expect(isCacheableRequest("GET", "/norms?q=csirt&sort=support", anon)).toBe(true);
    expect(isCacheableRequest("GET", "/stocktakes/2026/observations/new", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/organizations/mine", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/organizations/acme/manage", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/sign-in", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/api/v1/norms", anon)).toBe(true);
    expect(isCacheableRequest("GET", "/api/v1/norms/csirt", anon)).toBe(true);
    expect(isCacheableRequest("GET", "/api/v1/norms.csv", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/api/v1/norms/csirt/positions", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/api/v1/norms/csirt/positions/history?cursor=x", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/api/trpc/norms.list", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/api/auth/session", anon)).toBe(false);
    expect(isCacheableRequest("POST", "/norms", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/normsx", anon)).toBe(false);
    expect(isCacheableRequest("GET", "/norms/csirt?_rsc=1x2", { rsc: "1", "next-router-state-tree": "x" })).toBe(true);
    expect(isCacheableRequest("POST", "/norms/csirt", { "next-action": "abc" })).toBe(false);
    expect(isCacheableRequest("GET", "/norms/csirt", { "next-action": "abc" })).toBe(false);
  });
});

describe("open data", () => {
  it("keeps open-data reads (not the streamed exports) as they were written, with no policy rewritten", async () => {
    const first = await get("/api/v1/norms?rows=3");
    const second = await get("/api/v1/norms?rows=3");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-type")).toBe("application/json");
    expect(await second.text()).toBe(await first.text());
    expect(renders).toBe(1);
  });

  it("streams an answer too large to keep as it is written, and keeps nothing of it", async () => {
    const small = createPageCache({ state: { generation: async () => generation, nextChange: async () => null }, maxBytes: 4 * 4096 });
    const smallServer = createServer((req, res) => void small.serve(req, res, () => render(req, res)));
    await new Promise<void>((resolve) => smallServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(smallServer.address() as AddressInfo).port}/api/v1/organizations?rows=2000`;
    try {
      const response = await fetch(url);
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get("x-page-cache")).toBeNull();
      expect(text.split("\n")).toHaveLength(2001);
      expect(text).toMatch(/^row 0 of generation \d+\nrow 1 /);
      expect(text).toContain("row 1999 of generation");
      await fetch(url).then((r) => r.text());
      expect(small.size().entries).toBe(0);
      expect(renders).toBe(2);
    } finally {
      await new Promise<void>((resolve) => smallServer.close(() => resolve()));
    }
  });
});

describe("freshness", () => {
  it("never serves a page kept under an older generation (a write anywhere moved it on)", async () => {
    expect(await (await get("/norms/csirt")).text()).toContain("generation 1");
    generation = 2;
    const after = await get("/norms/csirt");
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(await after.text()).toContain("generation 2");
    expect((await get("/norms/csirt")).headers.get("x-page-cache")).toBe("hit");
  });

  it("ends an entry at the next time rule (a window closing), whatever the generation", async () => {
    nextChange = new Date(clock + 10 * 60 * 1000);
    await get("/stocktakes/2026");
    clock += 10 * 60 * 1000 - 1;
    expect((await get("/stocktakes/2026")).headers.get("x-page-cache")).toBe("hit");
    clock += 1;
    expect((await get("/stocktakes/2026")).headers.get("x-page-cache")).toBe("miss");
    expect(renders).toBe(2);
  });

  it("keeps an entry no longer than its maximum age when no rule is due", async () => {
    nextChange = null;
    await get("/reference");
    clock += HOUR;
    expect((await get("/reference")).headers.get("x-page-cache")).toBe("miss");
  });

  it("renews an entry past its age with one rendering, and answers other visitors from it meanwhile", async () => {
    nextChange = null;
    const first = get("/reference?hold=1");
    await expect.poll(() => release !== null).toBe(true);
    release!();
    expect((await first).headers.get("x-page-cache")).toBe("miss");
    clock += HOUR;
    release = null;
    const renewing = get("/reference?hold=1");
    await expect.poll(() => release !== null).toBe(true);
    // The replacement is rendering: nothing the page shows has changed, so this visitor does not wait.
    const meanwhile = await get("/reference?hold=1");
    expect(meanwhile.headers.get("x-page-cache")).toBe("renewing");
    expect(await meanwhile.text()).toContain(`/reference generation ${generation}`);
    release!();
    expect((await renewing).headers.get("x-page-cache")).toBe("miss");
    expect((await get("/reference?hold=1")).headers.get("x-page-cache")).toBe("hit");
    expect(renders).toBe(2);
  });

  it("makes visitors wait for the new page, not the kept one, once a time rule has passed or a write moved the generation on", async () => {
    nextChange = new Date(clock + 10 * 60 * 1000);
    const first = get("/stocktakes/2026?hold=1");
    await expect.poll(() => release !== null).toBe(true);
    release!();
    await first;
    for (const change of ["time rule", "write"] as const) {
      if (change === "time rule") clock += 10 * 60 * 1000;
      else generation += 1;
      nextChange = new Date(clock + 10 * 60 * 1000);
      release = null;
      const renewing = get("/stocktakes/2026?hold=1");
      await expect.poll(() => release !== null).toBe(true);
      let answered = false;
      const waiting = get("/stocktakes/2026?hold=1").then((r) => {
        answered = true;
        return r;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(answered, change).toBe(false);
      release!();
      const [a, b] = await Promise.all([renewing, waiting]);
      expect([a.headers.get("x-page-cache"), b.headers.get("x-page-cache")], change).toEqual(["miss", "hit"]);
      expect(await b.text()).toContain(`generation ${generation}`);
    }
  });

  it("renders without the cache when the generation cannot be read", async () => {
    await get("/norms");
    failGeneration = true;
    const response = await get("/norms");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-page-cache")).toBeNull();
    expect(renders).toBe(2);
  });

  it("renders a page once for visitors who arrive while it renders", async () => {
    const all = Promise.all([get("/norms?hold=1"), get("/norms?hold=1"), get("/norms?hold=1")]);
    await expect.poll(() => release !== null).toBe(true);
    release!();
    const responses = await all;
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(renders).toBe(1);
  });
});

describe("what a cached page carries", () => {
  it("allows its inline scripts by hash, not by a nonce someone else was given", async () => {
    await get("/norms");
    const response = await get("/norms");
    const html = await response.text();
    const policy = response.headers.get("content-security-policy")!;
    expect(html).not.toContain("nonce=");
    expect(policy).not.toMatch(/nonce-|strict-dynamic/);
    const scripts = inlineScripts(html);
    // The page's two adjacent flight scripts are kept as one.
    expect(scripts).toEqual(['self.__next_f.push([1,"a\\u003cb"]);self.__next_f.push([2])']);
    for (const script of scripts) expect(policy).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    expect(policy).toMatch(/^default-src 'self'; script-src 'self' 'sha256-/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("answers gzip to those who accept it, with the same page", async () => {
    const plain = await (await get("/norms")).text();
    const response = await fetch(`${base}/norms`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(await response.text()).toBe(plain);
    const raw = await rawGet("/norms", { "accept-encoding": "gzip" });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toBe(plain);
  });

  it("answers Brotli to browsers, which accept it beside gzip, with the same page", async () => {
    const plain = await (await get("/norms")).text();
    const raw = await rawGet("/norms", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(raw.headers["content-encoding"]).toBe("br");
    expect(raw.headers["x-page-cache"]).toBe("hit");
    expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
    expect(brotliDecompressSync(raw.body).toString()).toBe(plain);
    // A client that refuses it gets gzip; one that accepts neither gets the page as it is.
    expect((await rawGet("/norms", { "accept-encoding": "br;q=0, gzip" })).headers["content-encoding"]).toBe("gzip");
    const identity = await rawGet("/norms", { "accept-encoding": "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString()).toBe(plain);
  });

  it("answers a HEAD from the cache with headers only", async () => {
    await get("/norms");
    const response = await fetch(`${base}/norms`, { method: "HEAD" });
    expect(response.headers.get("x-page-cache")).toBe("hit");
    expect(await response.text()).toBe("");
  });

  it("finds inline scripts and ignores external ones (indexOf scans: linear in the page)", () => {
    expect(inlineScripts(`<script src="/a.js"></script><script>one</script><script type="module">two</script>`)).toEqual(["one", "two"]);
    expect(inlineScripts("<script".repeat(1000))).toEqual([]);
    expect(policyWithHashes("script-src 'self' 'nonce-abc' 'strict-dynamic'; img-src 'self'", ["x"])).toBe(
      `script-src 'self' 'sha256-${createHash("sha256").update("x").digest("base64")}'; img-src 'self'`,
    );
  });
});

/** What the browser's `self.__next_f` holds after running a page's inline scripts in order, each on its own as a browser does. */
function flightAfter(html: string) {
  const context = createContext({});
  // The Suspense boundary's script records itself among the pushes, so their relative order shows.
  runInContext("var self = globalThis; var $RC = function (b, s) { self.__next_f.push(['$RC', b, s]); };", context);
  const errors: string[] = [];
  for (const script of inlineScripts(html)) {
    try {
      runInContext(script, context);
    } catch (error) {
      errors.push(String(error));
    }
  }
  return { pushed: JSON.stringify((context as { __next_f?: unknown }).__next_f), errors };
}

describe("flight scripts merged in a cached page", () => {
  const push = (chunk: string) => `<script>self.__next_f.push(${chunk})</script>`;
  const page = [
    "<!DOCTYPE html><html><head><script src=\"/_next/static/chunks/main.js\" async></script></head><body><div>",
    "<p>first</p></div>",
    "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
    push('[1,"0:[\\"$\\",\\"div\\"]\\n"]'),
    "\n",
    push('[1,"1:{\\"a\\":\\"\\u003c/script\\u003e;\\"}\\n"]'),
    push("[2,null]"),
    "<div hidden id=\"S:0\"><p>streamed</p></div>",
    '<script>$RC("B:0","S:0")</script>',
    push('[1,"2:\\"after the boundary\\"\\n"]'),
    "  ",
    push('[1,"3:\\"€ and 😀\\"\\n"]'),
    push('[3,"AAEC"]'),
    "</body></html>",
  ].join("");

  it("runs the same pushes in the same order, with far fewer scripts", () => {
    const merged = mergeFlightScripts(page);
    expect(flightAfter(merged)).toEqual(flightAfter(page));
    expect(flightAfter(page).errors).toEqual([]);
    expect(JSON.parse(flightAfter(merged).pushed)).toEqual([
      [0],
      [1, '0:["$","div"]\n'],
      [1, '1:{"a":"</script>;"}\n'],
      [2, null],
      ["$RC", "B:0", "S:0"],
      [1, '2:"after the boundary"\n'],
      [1, '3:"€ and 😀"\n'],
      [3, "AAEC"],
    ]);
    // 8 inline scripts before: the two runs of pushes become one script each, the boundary's stays.
    expect(inlineScripts(page)).toHaveLength(8);
    expect(inlineScripts(merged)).toEqual([
      '(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push([1,"0:[\\"$\\",\\"div\\"]\\n"]);self.__next_f.push([1,"1:{\\"a\\":\\"\\u003c/script\\u003e;\\"}\\n"]);self.__next_f.push([2,null])',
      '$RC("B:0","S:0")',
      'self.__next_f.push([1,"2:\\"after the boundary\\"\\n"]);self.__next_f.push([1,"3:\\"€ and 😀\\"\\n"]);self.__next_f.push([3,"AAEC"])',
    ]);
  });

  it("keeps the markup and the whitespace between the scripts, and the page's other scripts where they were", () => {
    const merged = mergeFlightScripts(page);
    const withoutScripts = (html: string) => html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
    expect(withoutScripts(merged)).toBe(withoutScripts(page));
    expect(merged.startsWith('<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async></script></head><body><div><p>first</p></div>')).toBe(true);
    expect(merged).toContain(']);self.__next_f.push([2,null])</script>\n<div hidden id="S:0"><p>streamed</p></div><script>$RC("B:0","S:0")</script>');
    expect(merged.endsWith('self.__next_f.push([3,"AAEC"])</script>  </body></html>')).toBe(true);
  });

  it("leaves scripts apart when anything but whitespace is between them", () => {
    const html = `${push("[1,\"a\"]")}<!-- -->${push("[1,\"b\"]")}x${push("[1,\"c\"]")}<br>${push("[1,\"d\"]")}`;
    expect(mergeFlightScripts(html)).toBe(html);
  });

  it("leaves external scripts, typed scripts (JSON, modules) and scripts with other attributes as they are", () => {
    const cases = [
      `<script src="/a.js"></script>${push("[1,\"a\"]")}<script src="/b.js">self.__next_f.push([1,"b"])</script>`,
      `<script type="application/json">self.__next_f.push([1,"a"])</script><script type="application/json">self.__next_f.push([1,"b"])</script>`,
      `<script type="application/ld+json">[1]</script>${push("[1,\"a\"]")}<script TYPE="module">self.__next_f.push([1,"b"])</script>`,
      `<script id="one">self.__next_f.push([1,"a"])</script><script id="two">self.__next_f.push([1,"b"])</script>`,
      `${push("[1,\"a\"]")}<script async>self.__next_f.push([1,"b"])</script>`,
    ];
    for (const html of cases) expect(mergeFlightScripts(html)).toBe(html);
    // The same attributes are merged alike.
    expect(mergeFlightScripts(`<script id="x">self.__next_f.push([1])</script><script id="x">self.__next_f.push([2])</script>`)).toBe(
      `<script id="x">self.__next_f.push([1]);self.__next_f.push([2])</script>`,
    );
  });

  it("leaves scripts that are not a flight push and nothing else", () => {
    const notPushes = [
      'self.__next_f.push([1,"a"]);alert(1)',
      'self.__next_f.push([1,"a"])//',
      'self.__next_f.push([1,"a"]) ',
      "self.__next_f.push(1)",
      "self.__next_f.push([1,x])",
      '"use strict";self.__next_f.push([1])',
      "let self2 = 1",
      'window.__next_f.push([1,"a"])',
    ];
    for (const code of notPushes) {
      const html = `${push("[1,\"a\"]")}<script>${code}</script>${push("[1,\"b\"]")}`;
      expect(mergeFlightScripts(html)).toBe(html);
    }
  });

  it("scans in linear time, and leaves an unfinished script as it is", () => {
    expect(mergeFlightScripts("<script".repeat(1000))).toBe("<script".repeat(1000));
    const many = push("[1,\"x\"]").repeat(20_000);
    const started = performance.now();
    expect(inlineScripts(mergeFlightScripts(many))).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(mergeFlightScripts(`${push("[1]")}<script>self.__next_f.push([2])`)).toBe(`${push("[1]")}<script>self.__next_f.push([2])`);
  });
});

describe("reading the generation under load", () => {
  it("shares reads between requests, but never answers a request with a read sent before it asked", async () => {
    const started: { at: number; resolve: (v: number) => void }[] = [];
    let asked = 0;
    const read = coalesceReads(() => new Promise<number>((resolve) => started.push({ at: asked, resolve })));
    const ask = () => {
      const at = ++asked;
      return read().then((fromReadStartedAt) => ({ at, fromReadStartedAt }));
    };
    const first = ask();
    const during = [ask(), ask(), ask()];
    expect(started).toHaveLength(1);
    started[0]!.resolve(started[0]!.at);
    await first;
    // The three that asked while the first read was out share one read started after they asked.
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toHaveLength(2);
    const later = ask();
    started[1]!.resolve(started[1]!.at);
    const answers = await Promise.all(during);
    for (const { at, fromReadStartedAt } of answers) expect(fromReadStartedAt).toBeGreaterThanOrEqual(at);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toHaveLength(3);
    started[2]!.resolve(started[2]!.at);
    const last = await later;
    expect(last.fromReadStartedAt).toBeGreaterThanOrEqual(last.at);
    // A failed read fails its requests only; the next request reads again.
    const failing = coalesceReads(async () => {
      throw new Error("database down");
    });
    await expect(failing()).rejects.toThrow("database down");
    await expect(failing()).rejects.toThrow("database down");
  });
});
