import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { openPostgres } from "~/db/connect";
import { createUser } from "~/db/factories";
import { outboundMail } from "~/db/schema";
import { isDatabaseUnavailable, RETRY_AFTER_UNAVAILABLE_SECONDS } from "~/server/errors";
import { checkHealth } from "~/server/health";
import { errorResponse } from "~/server/open-data/http";
import { createCaller } from "~/server/root";
import { createInnerContext } from "~/server/trpc";
import { nullMailer } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";

describe("health check", () => {
  it("answers ok when the database answers", async () => {
    const database = await createTestDatabase();
    expect(await checkHealth(async () => database.db)).toEqual({ status: 200, body: { status: "ok", db: "ok" } });
    await database.close();
  });

  it("tells the job queue's state: running or not, and behind when mail has waited over an hour", async () => {
    const database = await createTestDatabase();
    const running = await checkHealth(async () => database.db, 3000, async () => true);
    expect(running).toEqual({ status: 200, body: { status: "ok", db: "ok", queue: { status: "ok", waitingEvents: 0, unsentMail: 0, retryingMail: 0 } } });
    const stopped = await checkHealth(async () => database.db, 3000, async () => false);
    expect(stopped).toMatchObject({ status: 200, body: { status: "degraded", queue: { status: "not running" } } });
    const user = await createUser(database.db);
    await database.db.insert(outboundMail).values({ userId: user.id, createdAt: new Date(Date.now() - 2 * 3600_000), lastError: "451 Try again later", attempts: 3 });
    const behind = await checkHealth(async () => database.db, 3000, async () => true);
    expect(behind).toMatchObject({ status: 200, body: { status: "degraded", queue: { status: "behind", unsentMail: 1, retryingMail: 1 } } });
    await database.close();
  });

  it("answers 503 when the database is unreachable", async () => {
    // Nothing listens on port 1: the connection is refused.
    const unreachable = openPostgres("postgres://nobody@127.0.0.1:1/none", { max: 1 });
    expect(await checkHealth(async () => unreachable.db, 2000)).toEqual({ status: 503, body: { status: "error", db: "unreachable" }, retryAfterSeconds: 5 });
    await unreachable.close();
  });

  it("answers 503 when the database cannot be opened at all", async () => {
    const result = await checkHealth(() => Promise.reject(new Error("cannot open data folder")));
    expect(result.status).toBe(503);
  });
});

describe("while the database is unreachable", () => {
  it("a procedure answers SERVICE_UNAVAILABLE (503) with a wait, not an internal error", async () => {
    const unreachable = openPostgres("postgres://nobody@127.0.0.1:1/none", { max: 1, connectTimeoutSeconds: 2 });
    try {
      const caller = createCaller(createInnerContext({ db: unreachable.db, actor: null, mailer: nullMailer }));
      const error = await failure(caller.norms.list({}));
      expect(error.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.message).toMatch(/briefly unavailable/);
      expect(getHTTPStatusCodeFromError(error)).toBe(503);
    } finally {
      await unreachable.close();
    }
  });

  it("the open-data error answer is 503 with Retry-After", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const response = errorResponse(new Error("Failed query", { cause: refused }));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe(String(RETRY_AFTER_UNAVAILABLE_SECONDS));
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("tells unavailability apart from a bad request or a bug", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "CONNECTION_CLOSED" }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("bug"))).toBe(false);
  });
});
