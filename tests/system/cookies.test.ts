import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtAppMissing, DEMO_PASSWORD, type RunningApp, startApp, trpc } from "./support";

// The built app configured for https (APP_URL=https://…) behind a TLS-terminating proxy, which
// reaches server.ts over plain http and says X-Forwarded-Proto: https (TRUSTED_PROXIES=1). Every cookie a sign-in sets,
// Auth.js's and the app's own known-device cookie, must be HttpOnly, Secure, SameSite=Lax and
// __Host- (path /, no Domain), so that a sibling subdomain cannot plant or read one. It also
// serves no source-control or config files and answers no TRACE (docs/security.md, ASVS 13.4).
const why = builtAppMissing();

let app: RunningApp;
let folder: string;

beforeAll(async () => {
  if (why) return;
  folder = mkdtempSync(path.join(tmpdir(), "nf-cookies-"));
  // Embedded PGlite with the demo accounts: this test needs no PostgreSQL.
  app = await startApp("", {
    APP_URL: "https://forum.example",
    DATA_DIR: folder,
    PGLITE_DATA_DIR: path.join(folder, "pglite"),
    SEED_DEMO: "true",
    // One TLS-terminating proxy of ours in front, whose X-Forwarded-Proto server.ts believes.
    TRUSTED_PROXIES: "1",
  });
}, 240_000);

afterAll(async () => {
  if (why) return;
  await app?.stop();
  rmSync(folder, { recursive: true, force: true });
});

function parse(line: string) {
  const [pair, ...attributes] = line.split(";").map((s) => s.trim());
  const attrs = new Map<string, string>();
  for (const a of attributes) {
    const i = a.indexOf("=");
    attrs.set((i < 0 ? a : a.slice(0, i)).toLowerCase(), i < 0 ? "" : a.slice(i + 1));
  }
  const eq = pair!.indexOf("=");
  return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attrs, line };
}

describe.skipIf(!!why)(`the built app under https (${why ? `skipped: ${why}` : "server.ts, PGlite"})`, () => {
  it("sets only HttpOnly, Secure, SameSite=Lax, __Host- cookies when someone signs in", async () => {
    const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": "forum.example" };
    const csrf = await fetch(`${app.url}/api/auth/csrf`, { headers: proxied });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie().map(parse);
    const callback = await fetch(`${app.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        ...proxied,
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrfCookies.map((c) => `${c.name}=${c.value}`).join("; "),
      },
      body: new URLSearchParams({ csrfToken, email: "member@demo.normsforum.example", password: DEMO_PASSWORD, callbackUrl: "/" }),
    });
    const all = [...csrfCookies, ...callback.headers.getSetCookie().map(parse)];
    const names = all.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["__Host-authjs.csrf-token", "__Host-authjs.session-token", "__Host-nf-device"]));
    for (const c of all) {
      expect(c.name, c.line).toMatch(/^__Host-/);
      expect(c.attrs.has("httponly"), c.line).toBe(true);
      expect(c.attrs.has("secure"), c.line).toBe(true);
      expect(c.attrs.get("samesite")?.toLowerCase(), c.line).toBe("lax");
      expect(c.attrs.get("path"), c.line).toBe("/");
      expect(c.attrs.has("domain"), c.line).toBe(false);
    }

    // And the session it set works.
    const session = all.find((c) => c.name === "__Host-authjs.session-token")!;
    const me = await trpc<{ email: string }>(app.url, "account.me", undefined, { cookie: `${session.name}=${session.value}` });
    expect(me.data?.email).toBe("member@demo.normsforum.example");
  });

  it("serves no source control folder and does not echo a TRACE request", async () => {
    for (const file of ["/.git/config", "/.git/HEAD", "/.env", "/package.json"]) {
      expect((await fetch(`${app.url}${file}`)).status, file).toBe(404);
    }
    // fetch() refuses TRACE itself, so ask with node:http.
    const trace = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${app.url}/`, { method: "TRACE", headers: { cookie: "secret=should-not-come-back" } }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end();
    });
    expect(trace.body).not.toContain("should-not-come-back");
    expect(trace.status).toBeGreaterThanOrEqual(400);
  });

  it("refuses a request whose length is ambiguous (Content-Length and Transfer-Encoding), so none can be smuggled", async () => {
    const { port } = new URL(app.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          "POST /api/trpc/account.signOutEverywhere HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        );
      });
      let data = "";
      socket.on("data", (chunk: Buffer) => (data += chunk.toString()));
      socket.on("end", () => resolve(data));
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
      socket.setTimeout(10_000, () => socket.destroy());
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    // One answer only: the smuggled second request was never read.
    expect(answer.match(/HTTP\/1\.1 \d{3}/g)).toHaveLength(1);
  });
});
