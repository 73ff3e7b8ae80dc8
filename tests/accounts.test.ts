import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { emailTokens, suspensions, users } from "~/db/schema";
import { loadActor } from "~/server/actor";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";
import { type MailSink, startMailSink } from "./support/mail-sink";

let database: Database;
let mail: MailSink;

beforeAll(async () => {
  database = await createTestDatabase();
  mail = await startMailSink();
});
afterAll(async () => {
  await mail.close();
  await database.close();
});

const visitor = () => callerAs(database.db, null, mail.mailer);
const userByEmail = (email: string) => database.db.query.users.findFirst({ where: eq(users.email, email) });


describe("sign up and email verification", () => {
  it("creates an unverified account and mails a link that verifies it once", async () => {
    const api = await visitor();
    await api.account.signUp({ displayName: "Ana Diplomat", email: "Ana@Example.org ", password: "a long enough password" });
    const user = await userByEmail("ana@example.org");
    expect(user?.emailVerifiedAt).toBeNull();
    expect(user?.passwordHash).not.toContain("a long enough password");

    const token = mail.tokenFor("ana@example.org", "/verify-email");
    expect(token).toBeTruthy();
    await api.account.verifyEmail({ token: token! });
    expect((await userByEmail("ana@example.org"))?.emailVerifiedAt).toBeInstanceOf(Date);

    const reuse = await failure(api.account.verifyEmail({ token: token! }));
    expect(reuse.code).toBe("PRECONDITION_FAILED");
    expect(reuse.message).toMatch(/already been used/);
  });

  it("refuses a taken email with a message on the email field, and writes nothing", async () => {
    await createUser(database.db, { email: "taken@example.org" });
    const before = await database.db.$count(users);
    const error = await failure(
      (await visitor()).account.signUp({ displayName: "Someone", email: "TAKEN@example.org", password: "a long enough password" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as { fieldErrors?: Record<string, string> }).fieldErrors?.email).toMatch(/already exists/);
    expect(await database.db.$count(users)).toBe(before);
  });

  it("refuses a weak password and a malformed email with field errors", async () => {
    const error = await failure((await visitor()).account.signUp({ displayName: "X", email: "not-an-email", password: "short" }));
    expect(error.code).toBe("BAD_REQUEST");
    const paths = (error.cause as unknown as { issues: { path: string[]; message: string }[] }).issues.map((i) => [i.path[0], i.message]);
    expect(paths).toContainEqual(["email", "Enter an email address in the correct format, like name@example.org."]);
    expect(paths).toContainEqual(["password", "Password must be at least 12 characters."]);
  });

  it("refuses an expired verification link", async () => {
    const api = await visitor();
    await api.account.signUp({ displayName: "Late", email: "late@example.org", password: "a long enough password" });
    const token = mail.tokenFor("late@example.org", "/verify-email")!;
    const user = await userByEmail("late@example.org");
    await database.db.update(emailTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(emailTokens.userId, user!.id));
    const error = await failure(api.account.verifyEmail({ token }));
    expect(error.message).toMatch(/expired/);
  });
});

describe("password reset", () => {
  it("resets by the emailed link, ends every session, and the link works once", async () => {
    const user = await createUser(database.db, { email: "reset@example.org" });
    const before = await loadActor(database.db, { userId: user.id, sessionVersion: user.sessionVersion });
    expect(before).not.toBeNull();

    const api = await visitor();
    await api.account.requestPasswordReset({ email: "reset@example.org" });
    const token = mail.tokenFor("reset@example.org", "/reset-password");
    expect(token).toBeTruthy();
    await api.account.resetPassword({ token: token!, password: "a brand new password" });

    // The old session's version no longer matches: it is signed out.
    expect(await loadActor(database.db, { userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
    const reuse = await failure(api.account.resetPassword({ token: token!, password: "another new password" }));
    expect(reuse.message).toMatch(/already been used/);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const count = mail.messages.length;
    await expect((await visitor()).account.requestPasswordReset({ email: "nobody@example.org" })).resolves.toEqual({ sent: true });
    expect(mail.messages.length).toBe(count);
  });

  it("rate-limits reset requests per address", async () => {
    const api = await visitor();
    await createUser(database.db, { email: "busy@example.org" });
    for (let i = 0; i < 5; i++) await api.account.requestPasswordReset({ email: "busy@example.org" });
    const error = await failure(api.account.requestPasswordReset({ email: "busy@example.org" }));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Try again in \d+ minutes?/);
  });
});

describe("signed-in account", () => {
  it("changes the password only with the current one, then ends every session", async () => {
    const user = await createUser(database.db, { password: "correct horse battery" });
    const api = await callerAs(database.db, user);
    const wrong = await failure(api.account.changePassword({ currentPassword: "nope", newPassword: "a whole new password" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect((wrong.cause as { fieldErrors?: Record<string, string> }).fieldErrors?.currentPassword).toBeTruthy();
    await api.account.changePassword({ currentPassword: "correct horse battery", newPassword: "a whole new password" });
    expect(await loadActor(database.db, { userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
  });

  it("signs out of every device", async () => {
    const user = await createUser(database.db);
    await (await callerAs(database.db, user)).account.signOutEverywhere();
    expect(await loadActor(database.db, { userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
    expect(await loadActor(database.db, { userId: user.id, sessionVersion: user.sessionVersion + 1 })).not.toBeNull();
  });

  it("lets a suspended person appeal once, and nobody else", async () => {
    const staff = await createUser(database.db, { role: "secretariat" });
    const user = await createUser(database.db);
    const notSuspended = await failure((await callerAs(database.db, user)).account.appeal({ text: "I would like to appeal this decision." }));
    expect(notSuspended.code).toBe("PRECONDITION_FAILED");

    await database.db.insert(suspensions).values({ userId: user.id, reason: "Test suspension reason", createdById: staff.id });
    const api = await callerAs(database.db, user);
    await api.account.appeal({ text: "I would like to appeal this decision." });
    const twice = await failure(api.account.appeal({ text: "And once more, with feeling, please." }));
    expect(twice.code).toBe("CONFLICT");
    const me = await api.account.me();
    expect(me.appeal?.status).toBe("pending");
  });
});
