import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { authenticate } from "~/server/auth/sign-in";
import { onSecurityEvent, type SecurityEvent } from "~/server/security-events";
import { callerAs, nullMailer } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";

// Sign-ins, refusals and limits reached each leave one log line (ASVS 16.3.1-3), naming people by
// id only: never an email address or a password.
let database: Database;
const seen: { event: SecurityEvent; fields: Record<string, unknown> }[] = [];
let unsubscribe: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  unsubscribe = onSecurityEvent((event, fields) => seen.push({ event, fields }));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(async () => {
  unsubscribe();
  await database.close();
});

describe("security events", () => {
  it("logs a failed and a successful sign-in, by id, without the address or the password", async () => {
    const user = await createUser(database.db, { password: "correct horse battery" });
    await authenticate(database.db, nullMailer, { email: user.email, password: "a wrong guess", ip: "192.0.2.7" });
    await authenticate(database.db, nullMailer, { email: user.email, password: "correct horse battery", ip: "192.0.2.7" });
    expect(seen.map((s) => s.event)).toEqual(["sign_in.failed", "sign_in.succeeded"]);
    expect(seen[1]!.fields).toEqual({ userId: user.id });
    const logged = JSON.stringify(seen);
    expect(logged).not.toContain(user.email);
    expect(logged).not.toContain("wrong guess");
    expect(logged).not.toContain("192.0.2.7");
  });

  it("logs a sign-in refused by a limit", async () => {
    const user = await createUser(database.db);
    for (let i = 0; i < 11; i++) await authenticate(database.db, nullMailer, { email: user.email, password: "guess", ip: "192.0.2.8" });
    expect(seen.at(-1)).toEqual({ event: "sign_in.refused", fields: { reason: "rate limited", retryAfterSeconds: expect.any(Number) } });
  });

  it("logs a request refused for want of a session, and one refused for want of permission, with the procedure", async () => {
    await failure((await callerAs(database.db, null)).account.me());
    const member = await createUser(database.db);
    await failure((await callerAs(database.db, member)).users.list({}));
    expect(seen).toEqual([
      { event: "request.unauthenticated", fields: { path: "account.me", userId: null } },
      { event: "request.forbidden", fields: { path: "users.list", userId: member.id } },
    ]);
  });
});
