import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler } from "~/app/api/trpc/[trpc]/handler";
import type { Database, Db } from "~/db/connect";
import { createUser } from "~/db/factories";
import { users } from "~/db/schema";
import { seed } from "~/db/seed";
import { authenticate } from "~/server/auth/sign-in";
import { listNormsResponse } from "~/server/open-data/norms";
import { loadActor } from "~/server/actor";
import { createInnerContext } from "~/server/trpc";
import { callerAs, nullMailer } from "./support/context";
import { createTestDatabase } from "./support/db";

// Checks behind claims in docs/security.md (OWASP ASVS) that no feature test already makes.

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("passwords are taken exactly as typed (ASVS 6.2.5, 6.2.8, 6.2.9)", () => {
  it("accepts a long password of any composition and never trims, truncates or folds its case", async () => {
    const user = await createUser(database.db, { password: "correct horse battery" });
    // Over 100 characters: spaces inside and at both ends, no digit, no capital, other scripts, an emoji.
    const chosen = ` tout le monde   dit   «merci»   — спасибо  谢谢  شكرا 🙂 ${"and so on ".repeat(7)}`;
    expect(chosen.length).toBeGreaterThan(100);
    await (await callerAs(database.db, user)).account.changePassword({ currentPassword: "correct horse battery", newPassword: chosen });

    const attempt = (password: string, ip: string) => authenticate(database.db, nullMailer, { email: user.email, password, ip });
    expect((await attempt(chosen, "192.0.2.10")).ok).toBe(true);
    for (const [i, variant] of [chosen.trim(), chosen.slice(0, 72), chosen.slice(0, 64), chosen.toUpperCase()].entries()) {
      expect((await attempt(variant, `192.0.2.${20 + i}`)).ok, JSON.stringify(variant)).toBe(false);
    }
  });
});

describe("no default accounts (ASVS 6.3.2)", () => {
  it("a database seeded without the demo (production's default) has no accounts at all", async () => {
    const fresh = await createTestDatabase();
    try {
      await seed(fresh.db, { demo: false });
      expect(await fresh.db.$count(users)).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

describe("unexpected errors say nothing about the inside, and are logged (ASVS 16.5.1, 16.3.4)", () => {
  it("answers a generic message, without the error's text, a query or a stack", async () => {
    const failing = new Proxy({} as Db, {
      get() {
        throw new Error('Failed query: select "password_hash" from "users" where "id" = $1 at /srv/app/server/domain/accounts.ts:180');
      },
    });
    // ... and the full error goes to the log instead (ASVS 16.3.4).
    const logged: unknown[][] = [];
    const log = { child: () => log, error: (...args: unknown[]) => logged.push(args), warn: () => {}, info: () => {} };
    const handler = createTrpcHandler(async () => ({
      ...createInnerContext({ db: failing, actor: { id: "00000000-0000-4000-8000-000000000000", email: "a@example.org", displayName: "A", role: "member", suspension: null }, mailer: nullMailer }),
      log: log as never,
    }));
    const response = await handler(new Request("http://localhost/api/trpc/account.me", { headers: { host: "localhost" } }));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toContain("Something went wrong on our side");
    for (const leak of ["password_hash", "Failed query", "accounts.ts", "/srv/app", "select"]) expect(body).not.toContain(leak);
    expect(JSON.parse(body).error.json.data.stack ?? null).toBeNull();
    expect(logged).toHaveLength(1);
    expect(logged[0]![1]).toBe("procedure failed");
    expect(String((logged[0]![0] as { err: Error }).err.message)).toContain("Failed query");
  });
});

describe("served code holds no dangerous sinks (ASVS 1.2.4, 1.2.5, 1.3.2, 1.3.6, 3.2.2, 3.5.5)", () => {
  // What the server runs and the browser receives: app/, server/, db/ and the two entry files.
  // Tests and scripts/ (developer tooling, never served) are not included.
  const root = path.resolve(import.meta.dirname, "..");
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sources(full);
      return /\.(ts|tsx|mjs|js)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  }
  const files = [...sources(path.join(root, "app")), ...sources(path.join(root, "server")), ...sources(path.join(root, "db")), path.join(root, "middleware.ts"), path.join(root, "server.ts")];

  // Comments may name a sink to explain why it is avoided; "//" inside a URL is not a comment.
  const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");

  const sinks: [string, RegExp][] = [
    ["dynamic code (eval)", /\beval\s*\(/],
    ["dynamic code (new Function)", /\bnew Function\s*\(/],
    ["OS commands (child_process)", /["'](node:)?child_process["']/],
    ["raw HTML (dangerouslySetInnerHTML)", /dangerouslySetInnerHTML/],
    ["cross-window messages (postMessage)", /\bpostMessage\s*\(/],
    ["raw SQL text (sql.raw, .unsafe)", /\bsql\.raw\s*\(|\.unsafe\s*\(/],
    // The server calls no URL: addresses people give (websites, sources) are stored and shown, never fetched.
    ["outbound HTTP requests (fetch, http.request)", /\bfetch\s*\(|\bhttps?\.(request|get)\s*\(|["'](undici|axios|node-fetch)["']/],
  ];

  it("looks at the files it means to", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith(path.join("server", "routers", "norms.ts")))).toBe(true);
  });

  // Places that match a sink's pattern but are not the sink, each with why.
  const notTheSink: Record<string, Record<string, string>> = {
    "cross-window messages (postMessage)": {
      // A MessagePort of node:worker_threads, between the server and its own PDF thread: no window, no origin.
      "server/stocktake-pdf/in-worker.ts": "the PDF thread's port",
      "server/stocktake-pdf/worker.ts": "the PDF thread's port",
    },
    "raw SQL text (sql.raw, .unsafe)": {
      // Passes Drizzle's own parameterised statements on to postgres.js, asking it to prepare them.
      "db/connect.ts": "Drizzle's statements, prepared",
    },
  };

  it.each(sinks)("has no %s", (name, pattern) => {
    const found = files
      .filter((f) => pattern.test(withoutComments(readFileSync(f, "utf8"))))
      .map((f) => path.relative(root, f))
      .filter((f) => !(f in (notTheSink[name] ?? {})));
    expect(found).toEqual([]);
  });

  it("lists as not the sink only places that still match it", () => {
    for (const [name, places] of Object.entries(notTheSink)) {
      const pattern = sinks.find(([n]) => n === name)![1];
      for (const place of Object.keys(places)) expect(pattern.test(withoutComments(readFileSync(path.join(root, place), "utf8"))), `${name}: ${place}`).toBe(true);
    }
  });
});

describe("request parameters (ASVS 15.3.6, 15.3.7)", () => {
  it("refuses a repeated open-data parameter instead of picking one of its values", async () => {
    const response = await listNormsResponse(database.db, new URLSearchParams([["limit", "1"], ["limit", "1000"]]));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors.limit).toBe("Give this parameter once.");
  });

  it("a __proto__ or constructor key in a procedure's input pollutes no object and writes nothing extra", async () => {
    const user = await createUser(database.db);
    const actor = await loadActor(database.db, { userId: user.id, sessionVersion: user.sessionVersion });
    const handler = createTrpcHandler(async () => createInnerContext({ db: database.db, actor, mailer: nullMailer }));
    const body = '{"json":{"displayName":"Plain Name","__proto__":{"polluted":"yes","role":"admin"},"constructor":{"prototype":{"polluted":"yes"}}}}';
    const response = await handler(
      new Request("http://localhost/api/trpc/account.updateProfile", {
        method: "POST",
        headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
        body,
      }),
    );
    expect(response.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect((await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, user.id) }))?.role).toBe("member");
  });
});

describe("third-party components (ASVS 15.1.2)", () => {
  it("come only from the npm registry, each pinned to a version and a sha512 integrity hash in package-lock.json", () => {
    const lock = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string; integrity?: string; link?: boolean; inBundle?: boolean }>;
    };
    // Bundled packages come inside their parent's tarball, under the parent's hash.
    const installed = Object.entries(lock.packages).filter(([name, p]) => name !== "" && !p.link && !p.inBundle);
    expect(installed.length).toBeGreaterThan(100);
    // The lock file leaves out `resolved` for the default registry; anything else (a git URL, a
    // tarball from another host, a local folder) would be written out and is refused here.
    const elsewhere = installed.filter(([, p]) => (p.resolved !== undefined && !p.resolved.startsWith("https://registry.npmjs.org/")) || !/^sha512-/.test(p.integrity ?? ""));
    expect(elsewhere.map(([name, p]) => `${name} ${p.resolved ?? "(no resolved)"}`)).toEqual([]);
  });
});
