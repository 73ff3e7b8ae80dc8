import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { AppError } from "~/server/errors";
import { addressKey, assertNotLimited, consume, reset, tryConsume, usage } from "~/server/rate-limit";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("rate limits stored in the database", () => {
  it("refuses the 11th failed sign-in for an account and address, says when to retry, and resets", async () => {
    const { db } = database;
    const pair = "someone@example.org|192.0.2.1";
    for (let i = 0; i < 10; i++) await consume(db, "signInPair", pair);
    await expect(assertNotLimited(db, "signInPair", pair)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "RATE_LIMITED" && /Try again in 1[45] minutes/.test(e.message),
    );
    await expect(consume(db, "signInPair", pair)).rejects.toBeInstanceOf(AppError);
    // Another pair is not affected.
    await expect(assertNotLimited(db, "signInPair", "someone@example.org|192.0.2.2")).resolves.toBeUndefined();
    await reset(db, "signInPair", pair);
    await expect(assertNotLimited(db, "signInPair", pair)).resolves.toBeUndefined();
  });

  it("tryConsume says whether a point was left, and usage reports without spending", async () => {
    const { db } = database;
    expect(await usage(db, "mail", "reset:quiet@example.org")).toMatchObject({ consumed: 0, reached: false });
    for (let i = 0; i < 3; i++) expect(await tryConsume(db, "mail", "reset:quiet@example.org")).toBe(true);
    expect(await tryConsume(db, "mail", "reset:quiet@example.org")).toBe(false);
    const spent = await usage(db, "mail", "reset:quiet@example.org");
    expect(spent.reached).toBe(true);
    expect(spent.msBeforeNext).toBeGreaterThan(59 * 60 * 1000);
  });

  it("keys requests of unknown address together, never not at all", () => {
    expect(addressKey(null)).toBe("unknown");
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
  });
});
