// The forum's one clock (server/clock.ts): rules read it, tests set it, and only end-to-end tests
// on loopback may set it in a running app (server/test-clock.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { advanceClock, clock, clockIsSet, setClock } from "~/server/clock";
import { testClockRefusal } from "~/server/test-clock";
import { createCaller } from "~/server/root";
import { createInnerContext } from "~/server/trpc";
import { callerAs, nullMailer } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, zodPaths } from "./support/errors";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
/** A visitor's caller, from a client address as server.ts would have established it. */
const callerFrom = (ip: string | null) => createCaller(createInnerContext({ db: database.db, actor: null, mailer: nullMailer, ip }));
afterEach(() => {
  setClock(null);
  delete process.env.TEST_CLOCK;
});

describe("the clock", () => {
  it("is the system's time until set; set, it runs on from the instant given, or stays there when stopped", () => {
    expect(clockIsSet()).toBe(false);
    expect(Math.abs(clock.nowMs() - Date.now())).toBeLessThan(1000);

    setClock(new Date("2031-03-01T10:00:00Z"), { stopped: true });
    expect(clock.now().toISOString()).toBe("2031-03-01T10:00:00.000Z");
    advanceClock(36 * 60 * 60 * 1000);
    expect(clock.now().toISOString()).toBe("2031-03-02T22:00:00.000Z");

    setClock(new Date("2031-03-01T10:00:00Z"));
    expect(clock.nowMs() - Date.parse("2031-03-01T10:00:00Z")).toBeGreaterThanOrEqual(0);
    expect(clock.nowMs() - Date.parse("2031-03-01T10:00:00Z")).toBeLessThan(1000);
    advanceClock(24 * 60 * 60 * 1000);
    expect(clock.now().toISOString().slice(0, 10)).toBe("2031-03-02");

    setClock(null);
    expect(clockIsSet()).toBe(false);
    expect(() => setClock(new Date("not a date"))).toThrow(RangeError);
  });

  it("is what the rules read: a stock-take's window opens and closes by it", async () => {
    const staff = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
    await staff.stocktakes.open({ year: 2035, opensOn: "2035-02-01", closesOn: "2035-02-28", normIds: [], referenceNormIds: ["ungge-f"] });
    setClock(new Date("2035-01-31T23:59:00Z"), { stopped: true });
    expect((await staff.stocktakes.get({ year: 2035 })).window).toBe("upcoming");
    setClock(new Date("2035-02-01T00:00:00Z"), { stopped: true });
    expect((await staff.stocktakes.get({ year: 2035 })).window).toBe("open");
    setClock(new Date("2035-02-28T23:59:59Z"), { stopped: true });
    expect((await staff.stocktakes.get({ year: 2035 })).window).toBe("open");
    setClock(new Date("2035-03-01T00:00:00Z"), { stopped: true });
    expect((await staff.stocktakes.get({ year: 2035 })).window).toBe("closed");
  });
});

describe("setting it in a running app (TEST_CLOCK)", () => {
  it("does not exist without TEST_CLOCK, for anyone", async () => {
    const admin = await callerAs(database.db, await createUser(database.db, { role: "admin" }));
    expect((await failure(admin.testing.setClock({ at: "2030-01-01T00:00:00Z" }))).code).toBe("NOT_FOUND");
    expect(clockIsSet()).toBe(false);
  });

  it("with TEST_CLOCK=1 sets the clock from this machine and puts it back, and refuses a time it cannot read", async () => {
    process.env.TEST_CLOCK = "1";
    // Not from this machine, or from an address nobody knows: still not found.
    for (const ip of ["203.0.113.9", "10.0.0.1", null]) {
      expect((await failure(callerFrom(ip).testing.setClock({ at: "2030-01-01T00:00:00Z" }))).code).toBe("NOT_FOUND");
    }
    expect(clockIsSet()).toBe(false);
    expect(await callerFrom("::1").testing.setClock({ at: "2030-06-01T00:00:00Z", stopped: true })).toEqual({ now: "2030-06-01T00:00:00.000Z" });
    const visitor = callerFrom("127.0.0.1");
    expect(await visitor.testing.setClock({ at: "2030-01-01T00:00:00Z", stopped: true })).toEqual({ now: "2030-01-01T00:00:00.000Z" });
    expect(clock.now().toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(zodPaths(await failure(visitor.testing.setClock({ at: "next tuesday" })))).toEqual(["at"]);
    await visitor.testing.setClock({ at: null });
    expect(clockIsSet()).toBe(false);
  });

  it("runs the tick on request, and moved back takes back the closes recorded after the new time", async () => {
    process.env.TEST_CLOCK = "1";
    const db = database.db;
    const visitor = callerFrom("127.0.0.1");
    expect((await failure(callerFrom("203.0.113.9").testing.tick())).code).toBe("NOT_FOUND");
    const proposer = await callerAs(db, await createUser(db));
    const { slug } = await proposer.norms.create({
      title: "A norm the test clock closes and reopens",
      summary: "States should not harm the work of authorised emergency response teams.",
      clauses: ["States should not harm CSIRTs."],
      categories: ["II"],
      kind: "mutual_restraint",
      bindingness: "political",
      citations: [],
    });
    const norm = (await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, slug) }))!;
    await proposer.norms.submit({ normId: norm.id });
    const closesAt = (await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.id, norm.id) }))!.stageClosesAt!;
    await visitor.testing.setClock({ at: new Date(closesAt.getTime() + 1000).toISOString(), stopped: true });
    expect((await visitor.testing.tick()).stagesClosed).toBeGreaterThanOrEqual(1);
    const closed = (await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.id, norm.id) }))!;
    expect(closed.stageClosedAt).toEqual(closesAt);
    await visitor.testing.setClock({ at: null });
    const reopened = (await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.id, norm.id) }))!;
    expect(reopened.stageClosedAt).toBeNull();
    expect((await proposer.norms.get({ slug })).timeline.map((e) => e.type)).toEqual(["created", "submit"]);
  });

  it("is refused unless the app runs through server.ts with a loopback APP_URL", () => {
    expect(testClockRefusal({ appUrl: "https://forum.example", throughServerTs: true })).toBeNull();
    process.env.TEST_CLOCK = "1";
    expect(testClockRefusal({ appUrl: "http://127.0.0.1:3200", throughServerTs: true })).toBeNull();
    expect(testClockRefusal({ appUrl: "http://localhost:3000", throughServerTs: true })).toBeNull();
    expect(testClockRefusal({ appUrl: "http://[::1]:3000", throughServerTs: true })).toBeNull();
    expect(testClockRefusal({ appUrl: "https://forum.example", throughServerTs: true })).toMatch(/loopback/);
    expect(testClockRefusal({ appUrl: "http://127.0.0.1.example.com", throughServerTs: true })).toMatch(/loopback/);
    expect(testClockRefusal({ appUrl: undefined, throughServerTs: true })).toMatch(/loopback/);
    expect(testClockRefusal({ appUrl: "http://127.0.0.1:3200", throughServerTs: false })).toMatch(/server\.ts/);
  });
});

// Business time comes from the clock alone. These places read the system's time on purpose.
const SYSTEM_TIME_ALLOWED: Record<string, string> = {
  "server/clock.ts": "the clock itself",
  "server/trpc.ts": "how long a procedure took, for the log",
  "server/auth/config.ts": "a session's age, checked against the token's own expiry (real time)",
  "server/search-throttle.ts": "a rate window, in real time",
  "server/page-cache/index.ts": "its default when not given the forum's clock (server.ts gives it)",
  "db/pglite-lock.ts": "how long to wait for another process's lock",
  "db/factories.ts": "unique names for test rows",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("no other clock", () => {
  it("has no `new Date()` or `Date.now()` in the server, the pages or the seed outside the clock and the places listed", () => {
    const root = process.cwd();
    const offenders = ["server", "app", "db"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .map((file) => path.relative(root, file))
      .filter((file) => !(file in SYSTEM_TIME_ALLOWED))
      .filter((file) => /new Date\(\)|Date\.now\(\)/.test(readFileSync(path.join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
