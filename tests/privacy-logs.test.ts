// Logs keep no more personal data than they need: a failed query is logged without its values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { users } from "~/db/schema";
import { serializeError } from "~/server/logger";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("the log's error serializer", () => {
  it("keeps the statement and the database's error, never the values the query was given", async () => {
    const email = "someone.private@example.test";
    await createUser(database.db, { email, displayName: "Private Person" });
    let error: unknown;
    try {
      await database.db.insert(users).values({ email, displayName: "Private Person", passwordHash: "argon2-hash-value" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    // The driver error really does carry the values: without the serializer they would be logged.
    expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).toContain(email);
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain("insert into");
    expect(logged).not.toContain(email);
    expect(logged).not.toContain("Private Person");
    expect(logged).not.toContain("argon2-hash-value");
  });
});
