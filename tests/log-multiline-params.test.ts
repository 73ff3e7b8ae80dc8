import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { serializeError } from "~/server/logger";
import { createTestDatabase } from "./support/db";

// Found by the hostile-input e2e run: a failed insert of a multi-line comment or clause logged every
// line of it after the first, because the scrubber stopped at the first line break of `params`.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("the log's error serializer, with values that span lines", () => {
  it("keeps none of a multi-line parameter, in the message or the stack", async () => {
    const body = "first line of a private comment\n\nsecond line, also private\nthird: someone.private@example.test";
    let error: unknown;
    try {
      await database.db.execute(sql`select ${body}::jsonb`);
    } catch (caught) {
      error = caught;
    }
    expect(String((error as Error).message)).toContain("second line, also private");
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain("select");
    expect(logged).toContain("invalid input syntax for type json");
    for (const line of body.split("\n").filter(Boolean)) expect(logged).not.toContain(line);
  });
});
