import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { claimProxyMark, clientAddress, PROXY_MARK_HEADER, rewriteForwardedFor } from "~/server/auth/client-address";
import { clientIp } from "~/server/auth/client-ip";
import { authenticate } from "~/server/auth/sign-in";
import { nullMailer } from "./support/context";
import { createTestDatabase } from "./support/db";
import { createAppServer, rewriteRequest } from "../server";

describe("rewriteForwardedFor: only the peer and our own proxies' hops survive", () => {
  it("with TRUSTED_PROXIES=0 keeps only the TCP peer, whatever the client sent", () => {
    expect(rewriteForwardedFor("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
    expect(rewriteForwardedFor("203.0.113.7", "1.2.3.4", 0)).toBe("203.0.113.7");
    expect(rewriteForwardedFor("203.0.113.7", "1.2.3.4, 5.6.7.8", 0)).toBe("203.0.113.7");
    expect(rewriteForwardedFor("::ffff:127.0.0.1", "1.2.3.4", 0)).toBe("127.0.0.1");
    expect(rewriteForwardedFor("::1", "1.2.3.4", 0)).toBe("::1");
  });

  it("with TRUSTED_PROXIES=1 keeps the hop our proxy appended, not what the client put before it", () => {
    expect(rewriteForwardedFor("10.0.0.2", "1.2.3.4, 198.51.100.9", 1)).toBe("198.51.100.9, 10.0.0.2");
    expect(rewriteForwardedFor("10.0.0.2", "198.51.100.9", 1)).toBe("198.51.100.9, 10.0.0.2");
    // A direct connection, where a proxy was expected: just the peer.
    expect(rewriteForwardedFor("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(rewriteForwardedFor("10.0.0.2", "[2001:db8::5]:4711", 1)).toBe("2001:db8::5, 10.0.0.2");
    expect(rewriteForwardedFor("10.0.0.2", "198.51.100.9:4711", 1)).toBe("198.51.100.9, 10.0.0.2");
  });

  it("with TRUSTED_PROXIES=2 keeps two hops from the right", () => {
    expect(rewriteForwardedFor("10.0.0.3", "6.6.6.6, 198.51.100.9, 10.0.0.2", 2)).toBe("198.51.100.9, 10.0.0.2, 10.0.0.3");
    expect(rewriteForwardedFor("10.0.0.3", "10.0.0.2", 2)).toBe("10.0.0.2, 10.0.0.3");
  });

  it("stops at a malformed entry, and keeps nothing to its left", () => {
    expect(rewriteForwardedFor("10.0.0.3", "198.51.100.9, not-an-ip", 2)).toBe("10.0.0.3");
    expect(rewriteForwardedFor("10.0.0.3", "1.2.3.4, garbage, 198.51.100.9", 2)).toBe("198.51.100.9, 10.0.0.3");
    expect(rewriteForwardedFor("10.0.0.3", ", ,", 2)).toBe("10.0.0.3");
    expect(rewriteForwardedFor("10.0.0.3", "999.1.1.1", 1)).toBe("10.0.0.3");
    expect(rewriteForwardedFor("10.0.0.3", `${"1.1.1.1,".repeat(50_000)}198.51.100.9`, 1)).toBe("198.51.100.9, 10.0.0.3");
    expect(rewriteForwardedFor("10.0.0.3", "unknown", 1)).toBe("10.0.0.3");
  });

  it("has no address for an unknown peer", () => {
    expect(rewriteForwardedFor(undefined, "1.2.3.4", 1)).toBeNull();
  });
});

describe("rewriteRequest: the other forwarding headers", () => {
  const requestWith = (headers: Record<string, string>) =>
    ({ headers: { ...headers }, socket: { remoteAddress: "203.0.113.9" } }) as unknown as IncomingMessage;
  const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "443", forwarded: "for=1.2.3.4;host=evil.example" };

  it("drops a client's own X-Forwarded-Host, -Proto, -Port and Forwarded when no proxy of ours is in front", () => {
    const req = requestWith(forged);
    rewriteRequest(req, 0, "mark");
    for (const name of Object.keys(forged)) expect(req.headers[name]).toBeUndefined();
    expect(req.headers["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("keeps them behind a proxy of ours, which sets them", () => {
    const req = requestWith(forged);
    rewriteRequest(req, 1, "mark");
    expect(req.headers["x-forwarded-host"]).toBe("evil.example");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
  });
});

describe("the app believes X-Forwarded-For only when server.ts set it", () => {
  it("treats the address as unknown without server.ts's mark, whatever the client forged", () => {
    const forged = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" });
    expect(clientIp(forged)).toBeNull();
    const mark = claimProxyMark();
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", [PROXY_MARK_HEADER]: `${mark.slice(1)}x` }))).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "192.0.2.1, 10.0.0.2", [PROXY_MARK_HEADER]: mark }))).toBe("192.0.2.1");
  });
});

describe("server.ts in front of the sign-in", () => {
  let database: Database;
  let server: ReturnType<typeof createAppServer>;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The real request rewriting in front of the real credential check; only Next.js is left out.
    server = createAppServer(
      async (req, res) => {
        const body = JSON.parse(await new Promise<string>((resolve) => {
          let data = "";
          req.on("data", (chunk: Buffer) => (data += chunk.toString()));
          req.on("end", () => resolve(data));
        })) as { email: string; password: string };
        const headers = new Headers(req.headers as Record<string, string>);
        const result = await authenticate(database.db, nullMailer, { ...body, ip: clientIp(headers) });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: result.ok ? "ok" : result.code, seen: headers.get("x-forwarded-for") }));
      },
      { trustedProxies: 0 },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  it("applies the per-address limit to a client forging a new X-Forwarded-For on every request", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 52; i++) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "x-forwarded-for": `10.${i}.0.1`, "x-real-ip": `10.${i}.0.2` },
        body: JSON.stringify({ email: `target${i}@example.org`, password: "a guess" }),
      });
      const { code, seen } = (await response.json()) as { code: string; seen: string };
      expect(seen).toBe("127.0.0.1");
      codes.push(code);
    }
    expect(codes.slice(0, 50).every((c) => c === "invalid")).toBe(true);
    expect(codes.slice(50)).toEqual([expect.stringMatching(/^rate_limited:/), expect.stringMatching(/^rate_limited:/)]);
  });
});
