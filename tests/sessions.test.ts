import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The app as served under https: env.js reads these once, as the first import loads it.
vi.hoisted(() => {
  process.env.APP_URL = "https://forum.example";
  process.env.AUTH_SECRET = "sessions-test-only-secret-not-for-production-0123456789";
});

import { createTrpcHandler } from "~/app/api/trpc/[trpc]/handler";
import { POST as authPost, GET as authGet } from "~/app/api/auth/[...nextauth]/route";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { suspensions, users } from "~/db/schema";
import { loadActor } from "~/server/actor";
import { auth } from "~/server/auth";
import { readSession } from "~/server/auth/session";
import { createInnerContext } from "~/server/trpc";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { type MailSink, startMailSink } from "./support/mail-sink";

// Sessions as a browser holds them: signed in through the real /api/auth routes, each request then
// carrying its cookie through auth() and loadActor (server/actor.ts) into the real /api/trpc
// handler, as server/context.ts does for every request. A revocation must reach every open session
// on its very next request, not when the 30-day token expires.

const ORIGIN = "https://forum.example";
const PASSWORD = "correct horse battery";

let database: Database;
let mail: MailSink;
beforeAll(async () => {
  database = await createTestDatabase();
  mail = await startMailSink();
  // The app's database handle (db/client.ts) is this test's database.
  (globalThis as unknown as { normsForumDb?: Promise<Database> }).normsForumDb = Promise.resolve(database);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await mail.close();
  await database.close();
});

/** The Set-Cookie lines of a response, parsed. */
function parseSetCookies(response: Response) {
  return response.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split(";").map((s) => s.trim());
    const eq = pair!.indexOf("=");
    const attrs = new Map<string, string>();
    for (const a of attributes) {
      const i = a.indexOf("=");
      attrs.set((i < 0 ? a : a.slice(0, i)).toLowerCase(), i < 0 ? "" : a.slice(i + 1));
    }
    return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attrs, line };
  });
}

class Browser {
  readonly jar = new Map<string, string>();
  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  take(response: Response) {
    for (const c of parseSetCookies(response)) {
      if (c.value === "" || c.attrs.get("max-age") === "0") this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return response;
  }
}

/** Signs in through /api/auth as the sign-in form does; returns the browser and every response. */
async function signIn(email: string, password = PASSWORD) {
  const browser = new Browser();
  const csrf = browser.take(await authGet(new NextRequest(`${ORIGIN}/api/auth/csrf`)));
  const { csrfToken } = (await csrf.clone().json()) as { csrfToken: string };
  const callback = browser.take(
    await authPost(
      new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: browser.cookie },
        body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
      }),
    ),
  );
  return { browser, csrf, callback, signedIn: [...browser.jar.keys()].some((k) => k.endsWith("authjs.session-token")) };
}

// The session as next-auth's own auth() reads it from the request's cookie. (With a lazy config,
// auth(route) resolves to the wrapped route.) The app reads it with readSession
// (server/auth/session.ts), which must accept exactly what this accepts.
const authSession = async (cookie: string) => {
  const route = await (auth((r) => Response.json(r.auth)) as unknown as Promise<(req: NextRequest) => Promise<Response>>);
  return (await (await route(new NextRequest(`${ORIGIN}/`, { headers: { cookie } }))).json()) as { userId?: string; sessionVersion?: number } | null;
};

// The real /api/trpc handler with the request context's own reading of the session.
const trpcHandler = createTrpcHandler(async (req) => {
  const actor = await loadActor(database.db, await readSession(req.headers));
  return createInnerContext({ db: database.db, actor, mailer: mail.mailer });
});

interface Answer {
  status: number;
  code?: string;
  data?: unknown;
}

/** One tRPC request from this browser. */
async function request(browser: Browser, path: string, input?: unknown, mutation = false): Promise<Answer> {
  const encoded = JSON.stringify({ json: input });
  const headers = { cookie: browser.cookie, host: "forum.example", origin: ORIGIN };
  const response = await trpcHandler(
    mutation
      ? new Request(`${ORIGIN}/api/trpc/${path}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: encoded })
      : new Request(`${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(encoded)}`, { headers }),
  );
  const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: { json?: { data?: { code?: string } } } };
  return { status: response.status, code: body.error?.json?.data?.code, data: body.result?.data?.json };
}

/** Two browsers signed in to the same account: "every open session". */
async function twoSessions(email: string) {
  const sessions = [(await signIn(email)).browser, (await signIn(email)).browser];
  for (const s of sessions) expect((await request(s, "account.me")).status).toBe(200);
  return sessions;
}

describe("session cookies under https", () => {
  it("are HttpOnly, SameSite=Lax, Secure and __Host- prefixed (path /, no domain)", async () => {
    const user = await createUser(database.db);
    const { csrf, callback, signedIn } = await signIn(user.email);
    expect(signedIn).toBe(true);
    const set = [...parseSetCookies(csrf), ...parseSetCookies(callback)];
    const names = set.map((c) => c.name);
    expect(names).toContain("__Host-authjs.session-token");
    expect(names).toContain("__Host-authjs.csrf-token");
    for (const c of set) {
      expect(c.name, c.line).toMatch(/^__Host-/);
      expect(c.attrs.has("httponly"), c.line).toBe(true);
      expect(c.attrs.has("secure"), c.line).toBe(true);
      expect(c.attrs.get("samesite")?.toLowerCase(), c.line).toBe("lax");
      expect(c.attrs.get("path"), c.line).toBe("/");
      expect(c.attrs.has("domain"), c.line).toBe(false);
    }
  });

  it("the same token under a name a sibling subdomain could set (__Secure-) is not read", async () => {
    const user = await createUser(database.db);
    const { browser } = await signIn(user.email);
    const token = browser.jar.get("__Host-authjs.session-token");
    expect(token).toBeTruthy();
    expect((await request(browser, "account.me")).status).toBe(200);
    const renamed = new Browser();
    renamed.jar.set("__Secure-authjs.session-token", token!);
    expect((await request(renamed, "account.me")).code).toBe("UNAUTHORIZED");
  });
});

describe("session tokens", () => {
  const SECRET = "sessions-test-only-secret-not-for-production-0123456789";
  const withToken = (token: string) => {
    const browser = new Browser();
    browser.jar.set("__Host-authjs.session-token", token);
    return browser;
  };

  it("last 30 days from sign-in, and are refused after that however they are used", async () => {
    const user = await createUser(database.db);
    const { browser, callback } = await signIn(user.email);
    const session = parseSetCookies(callback).find((c) => c.name === "__Host-authjs.session-token")!;
    const expires = new Date(session.attrs.get("expires")!).getTime();
    expect(Math.abs(expires - (Date.now() + 30 * 24 * 60 * 60 * 1000))).toBeLessThan(60_000);
    expect((await request(browser, "account.me")).status).toBe(200);

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 30 * 24 * 60 * 60 * 1000 + 60_000 });
    expect((await request(browser, "account.me")).code).toBe("UNAUTHORIZED");
  });

  it("cannot be stretched past 30 days from sign-in by asking /api/auth/session for a fresh one", async () => {
    const user = await createUser(database.db);
    const { browser } = await signIn(user.email);
    const signedInAt = Date.now();
    const day = 24 * 60 * 60 * 1000;

    // Day 29: the session endpoint answers and re-issues the cookie (Auth.js rolls its expiry).
    vi.useFakeTimers({ toFake: ["Date"], now: signedInAt + 29 * day });
    const refreshed = browser.take(await authGet(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: browser.cookie } })));
    expect(((await refreshed.json()) as { userId?: string } | null)?.userId).toBe(user.id);
    expect((await request(browser, "account.me")).status).toBe(200);

    // Day 31: the re-issued cookie has not expired, but the sign-in it stands for is too old.
    vi.setSystemTime(signedInAt + 31 * day);
    expect((await request(browser, "account.me")).code).toBe("UNAUTHORIZED");
    expect(await readSession(new Headers({ cookie: browser.cookie }))).toBeNull();
    expect(await authSession(browser.cookie)).toBeNull();
    const again = browser.take(await authGet(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: browser.cookie } })));
    expect(await again.json()).toBeNull();
  });

  it("are refused when altered, unsealed, sealed with another secret or sealed for another cookie", async () => {
    const user = await createUser(database.db);
    const claims = { sub: user.id, sv: user.sessionVersion, authAt: Math.floor(Date.now() / 1000) };
    const { browser } = await signIn(user.email);
    const genuine = browser.jar.get("__Host-authjs.session-token")!;
    expect((await request(browser, "account.me")).status).toBe(200);
    // The same claims sealed the app's way are accepted: the refusals below are about the seal.
    expect((await request(withToken(await encode({ token: claims, secret: SECRET, salt: "__Host-authjs.session-token" })), "account.me")).status).toBe(200);

    const flipped = genuine.slice(0, -5) + (genuine.at(-5) === "A" ? "B" : "A") + genuine.slice(-4);
    const unsigned = [{ alg: "none", typ: "JWT" }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".") + ".";
    const otherSecret = await encode({ token: claims, secret: "another-deployment-secret-0123456789-abcdef", salt: "__Host-authjs.session-token" });
    const otherCookie = await encode({ token: claims, secret: SECRET, salt: "__Host-authjs.csrf-token" });
    // A token without a sign-in time (as issued before sessions carried one) cannot be aged, so it is refused.
    const noSignInTime = await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: SECRET, salt: "__Host-authjs.session-token" });
    for (const [what, token] of Object.entries({ flipped, unsigned, otherSecret, otherCookie, noSignInTime })) {
      expect((await request(withToken(token), "account.me")).code, what).toBe("UNAUTHORIZED");
    }

    // The app's reading (readSession, no renewal) accepts exactly what next-auth's auth() accepts.
    const expected = { userId: user.id, sessionVersion: user.sessionVersion };
    const resealed = await encode({ token: claims, secret: SECRET, salt: "__Host-authjs.session-token" });
    for (const [what, token, accepted] of [
      ["genuine", genuine, true],
      ["resealed", resealed, true],
      ...Object.entries({ flipped, unsigned, otherSecret, otherCookie, noSignInTime }).map(([w, t]) => [w, t, false] as const),
    ] as const) {
      const cookie = `__Host-authjs.session-token=${token}`;
      expect(await readSession(new Headers({ cookie })), what).toEqual(accepted ? expected : null);
      expect(await authSession(cookie), what).toMatchObject(accepted ? expected : {});
      if (!accepted) expect(await authSession(cookie), what).toBeNull();
    }
    // The app keeps the claims of cookies it has decrypted; their expiry still holds at each use.
    const shortLived = `__Host-authjs.session-token=${await encode({ token: claims, secret: SECRET, salt: "__Host-authjs.session-token", maxAge: 60 })}`;
    expect(await readSession(new Headers({ cookie: shortLived }))).toEqual(expected);
    expect(await readSession(new Headers({ cookie: shortLived }))).toEqual(expected);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 60_000 + 16_000 });
    expect(await readSession(new Headers({ cookie: shortLived }))).toBeNull();
    expect(await authSession(shortLived)).toBeNull();
    vi.useRealTimers();

    // Only the cookie is a session, as for auth(): not a token in an Authorization header, nor one
    // under the name used without https.
    expect(await readSession(new Headers({ authorization: `Bearer ${genuine}` }))).toBeNull();
    expect(await readSession(new Headers({ cookie: `authjs.session-token=${genuine}` }))).toBeNull();
  });
});

describe("a change reaches every open session on its very next request", () => {
  it("role change: both sessions lose, or gain, the role at once", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    const user = await createUser(database.db, { role: "secretariat" });
    const sessions = await twoSessions(user.email);
    for (const s of sessions) expect((await request(s, "verification.queue")).status).toBe(200);

    await (await callerAs(database.db, admin)).users.setRole({ userId: user.id, role: "member" });
    for (const s of sessions) expect((await request(s, "verification.queue")).code).toBe("FORBIDDEN");

    await (await callerAs(database.db, admin)).users.setRole({ userId: user.id, role: "secretariat" });
    for (const s of sessions) expect((await request(s, "verification.queue")).status).toBe(200);
  });

  it("suspension: both sessions may read but not write, until it is lifted", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const user = await createUser(database.db);
    const sessions = await twoSessions(user.email);
    const organization = (n: number) => ({ name: `Session Test Organisation ${user.id.slice(0, 8)} ${n}`, stakeholderType: "academia", region: "global", country: "", website: "", description: "" });

    const { id } = await (await callerAs(database.db, staff)).users.suspend({ userId: user.id, reason: "Repeated personal attacks." });
    for (const [i, s] of sessions.entries()) {
      expect((await request(s, "account.me")).data).toMatchObject({ suspension: { reason: "Repeated personal attacks." } });
      expect((await request(s, "organizations.create", organization(i), true)).code).toBe("FORBIDDEN");
    }

    await (await callerAs(database.db, staff)).users.liftSuspension({ suspensionId: id, reason: "Served." });
    for (const [i, s] of sessions.entries()) expect((await request(s, "organizations.create", organization(i), true)).status).toBe(200);
    expect(await database.db.$count(suspensions, eq(suspensions.userId, user.id))).toBe(1);
  });

  it("password change in one session ends both", async () => {
    const user = await createUser(database.db);
    const sessions = await twoSessions(user.email);
    const changed = await request(sessions[0]!, "account.changePassword", { currentPassword: PASSWORD, newPassword: "a whole new password" }, true);
    expect(changed.status).toBe(200);
    for (const s of sessions) expect((await request(s, "account.me")).code).toBe("UNAUTHORIZED");
    expect((await signIn(user.email, "a whole new password")).signedIn).toBe(true);
  });

  it("password reset by the emailed link ends both", async () => {
    const user = await createUser(database.db);
    const sessions = await twoSessions(user.email);
    const visitor = new Browser();
    expect((await request(visitor, "account.requestPasswordReset", { email: user.email }, true)).status).toBe(200);
    const token = mail.tokenFor(user.email, "/reset-password")!;
    expect(token).toBeTruthy();
    expect((await request(visitor, "account.resetPassword", { token, password: "a brand new password" }, true)).status).toBe(200);
    for (const s of sessions) expect((await request(s, "account.me")).code).toBe("UNAUTHORIZED");
  });

  it("sign out everywhere from one session ends both", async () => {
    const user = await createUser(database.db);
    const sessions = await twoSessions(user.email);
    expect((await request(sessions[1]!, "account.signOutEverywhere", undefined, true)).status).toBe(200);
    for (const s of sessions) expect((await request(s, "account.me")).code).toBe("UNAUTHORIZED");
    // A new sign-in works.
    expect((await request((await signIn(user.email)).browser, "account.me")).status).toBe(200);
  });

  it("account deletion from one session ends both, and the account cannot sign in again", async () => {
    const user = await createUser(database.db);
    const sessions = await twoSessions(user.email);
    expect((await request(sessions[0]!, "account.delete", { password: PASSWORD }, true)).status).toBe(200);
    for (const s of sessions) expect((await request(s, "account.me")).code).toBe("UNAUTHORIZED");
    expect((await database.db.query.users.findFirst({ where: eq(users.id, user.id) }))?.deletedAt).not.toBeNull();
    expect((await signIn(user.email)).signedIn).toBe(false);
  });
});
