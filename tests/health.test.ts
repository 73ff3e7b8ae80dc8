import { describe, expect, it } from "vitest";
import { openPostgres } from "~/db/connect";
import { checkHealth } from "~/server/health";
import { createTestDatabase } from "./support/db";

describe("health check", () => {
  it("answers ok when the database answers", async () => {
    const database = await createTestDatabase();
    expect(await checkHealth(async () => database.db)).toEqual({ status: 200, body: { status: "ok", db: "ok" } });
    await database.close();
  });

  it("answers 503 when the database is unreachable", async () => {
    // Nothing listens on port 1: the connection is refused.
    const unreachable = openPostgres("postgres://nobody@127.0.0.1:1/none", { max: 1 });
    expect(await checkHealth(async () => unreachable.db, 2000)).toEqual({ status: 503, body: { status: "error", db: "unreachable" } });
    await unreachable.close();
  });

  it("answers 503 when the database cannot be opened at all", async () => {
    const result = await checkHealth(() => Promise.reject(new Error("cannot open data folder")));
    expect(result.status).toBe(503);
  });
});
