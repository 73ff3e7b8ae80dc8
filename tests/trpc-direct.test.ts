// /api/trpc served by server.ts without Next.js's router (server/trpc-direct.ts): the app's own
// handler (app/api/trpc/[trpc]/request-handler.ts, as instrumentation.ts publishes it) behind
// server.ts's real request handling, on a real database, with a stand-in for Next.js that counts
// what it is left. Outside Next.js no request function (headers(), connection()) is available:
// a call that needed one would fail here.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_SECRET = "trpc-direct-test-only-secret-not-for-production-0123456789";
});

import { trpcRequestHandler } from "~/app/api/trpc/[trpc]/request-handler";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { sessionCookieName } from "~/server/auth/config";
import { secureCookies } from "~/server/auth/session";
import { BODY_TOO_LARGE, type FetchHandler, publishTrpcHandler, trpcOutsideNext } from "~/server/trpc-direct";
import { createAppServer } from "../server";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // The app's database handle (db/client.ts) is this test's database.
  (globalThis as unknown as { normsForumDb?: Promise<Database> }).normsForumDb = Promise.resolve(database);
});
afterAll(async () => {
  delete (globalThis as { [key: symbol]: unknown })[Symbol.for("norms-forum.trpc-handler")];
  await database.close();
});

let server: ReturnType<typeof createAppServer> | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** What Next.js was left to serve. */
let nextServed: string[] = [];
const nextStandIn = (req: IncomingMessage, res: ServerResponse) => {
  nextServed.push(`${req.method} ${req.url}`);
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("next");
};

/** server.ts's request handling with `handler` published, as instrumentation.ts publishes the route's. */
async function start(handler: FetchHandler, maxBodyBytes?: number) {
  nextServed = [];
  publishTrpcHandler(handler);
  server = createAppServer(nextStandIn, { trustedProxies: 0, api: trpcOutsideNext({ production: true, maxBodyBytes }) });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function sessionCookie(user: { id: string; sessionVersion: number }) {
  const name = sessionCookieName(secureCookies());
  const token = await encode({
    token: { sub: user.id, sv: user.sessionVersion, authAt: Math.floor(Date.now() / 1000) },
    secret: process.env.AUTH_SECRET!,
    salt: name,
  });
  return `${name}=${token}`;
}

describe("/api/trpc outside Next.js's router", () => {
  it("answers with the app's handler and the API's headers; the session, refusals and writes work as through Next.js", async () => {
    const url = await start(trpcRequestHandler);
    const user = await createUser(database.db);
    const cookie = await sessionCookie(user);
    const host = new URL(url).host;

    const me = await fetch(`${url}/api/trpc/account.me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const text = await me.text();
    expect((JSON.parse(text) as { result: { data: { json: { email: string } } } }).result.data.json.email).toBe(user.email);
    expect(me.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(me.headers.get("cache-control")).toBe("private, no-store");
    expect(me.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(me.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(me.headers.get("x-frame-options")).toBe("DENY");
    expect(me.headers.get("x-content-type-options")).toBe("nosniff");
    expect(me.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");

    // No session, no person; another site's POST and a POST that is not JSON are refused.
    const anonymous = await fetch(`${url}/api/trpc/account.me`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("x-frame-options")).toBe("DENY");
    const post = (headers: Record<string, string>) => fetch(`${url}/api/trpc/account.signOutEverywhere`, { method: "POST", headers: { cookie, ...headers }, body: "{}" });
    expect((await post({ origin: "https://elsewhere.example", "content-type": "application/json" })).status).toBe(403);
    expect((await post({ origin: `http://${host}`, "content-type": "text/plain" })).status).toBe(415);

    // A write: signing out everywhere ends this very session at its next request.
    expect((await post({ origin: `http://${host}`, "content-type": "application/json" })).status).toBe(200);
    expect((await fetch(`${url}/api/trpc/account.me`, { headers: { cookie } })).status).toBe(401);
    expect(nextServed).toEqual([]);
  });

  it("leaves to Next.js what is not a GET or POST under /api/trpc/, and everything until a handler is published", async () => {
    const url = await start(trpcRequestHandler);
    await fetch(`${url}/api/trpc/account.me`, { method: "PUT" });
    await fetch(`${url}/api/trpc`);
    await fetch(`${url}/api/v1/norms`);
    await fetch(`${url}/norms`);
    expect(nextServed).toEqual(["PUT /api/trpc/account.me", "GET /api/trpc", "GET /api/v1/norms", "GET /norms"]);

    delete (globalThis as { [key: symbol]: unknown })[Symbol.for("norms-forum.trpc-handler")];
    nextServed = [];
    expect(await (await fetch(`${url}/api/trpc/account.me`)).text()).toBe("next");
    expect(nextServed).toEqual(["GET /api/trpc/account.me"]);
  });

  it("passes the body through whole, however it arrives, and refuses one over the limit without calling the handler", async () => {
    const seen: string[] = [];
    const echo: FetchHandler = async (req) => {
      const body = await req.text();
      seen.push(body);
      return new Response(body, { headers: [["content-type", "application/json"], ["set-cookie", "a=1; Path=/"], ["set-cookie", "b=2; Path=/"]] });
    };
    const url = await start(echo, 1000);
    // "é" is two bytes in UTF-8: sent in chunks cut between them.
    const json = JSON.stringify({ json: { text: "Sécurité des câbles sous-marins".repeat(10) } });
    const bytes = Buffer.from(json);
    const split = [bytes.subarray(0, 2), bytes.subarray(2, 101), bytes.subarray(101)];
    const stream = new ReadableStream({
      start(controller) {
        for (const part of split) controller.enqueue(part);
        controller.close();
      },
    });
    const streamed = await fetch(`${url}/api/trpc/x`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await streamed.text()).toBe(json);
    expect(streamed.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(seen).toEqual([json]);

    const big = "x".repeat(1001);
    const declared = await fetch(`${url}/api/trpc/x`, { method: "POST", body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: { message: BODY_TOO_LARGE } });
    expect(declared.headers.get("content-security-policy")).toContain("default-src 'none'");
    // Without a length given, the count stops it as it arrives.
    const undeclared = await fetch(`${url}/api/trpc/x`, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 5; i++) controller.enqueue(Buffer.from("y".repeat(300)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(undeclared.status).toBe(413);
    expect(seen).toHaveLength(1);
    expect(nextServed).toEqual([]);
  });
});
