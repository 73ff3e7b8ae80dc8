import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { AppError } from "~/server/errors";
import { assertNotLimited, consume, reset } from "~/server/rate-limit";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("rate limits stored in the database", () => {
  it("refuses the 11th failed sign-in for an account, says when to retry, and resets", async () => {
    const { db } = database;
    for (let i = 0; i < 10; i++) await consume(db, "signInAccount", "someone@example.org");
    await expect(assertNotLimited(db, "signInAccount", "someone@example.org")).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "RATE_LIMITED" && /Try again in 1[45] minutes/.test(e.message),
    );
    await expect(consume(db, "signInAccount", "someone@example.org")).rejects.toBeInstanceOf(AppError);
    // Another account is not affected.
    await expect(assertNotLimited(db, "signInAccount", "other@example.org")).resolves.toBeUndefined();
    await reset(db, "signInAccount", "someone@example.org");
    await expect(assertNotLimited(db, "signInAccount", "someone@example.org")).resolves.toBeUndefined();
  });
});
