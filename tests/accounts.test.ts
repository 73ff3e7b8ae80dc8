import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { emailTokens, suspensions, users } from "~/db/schema";
import { loadActor } from "~/server/actor";
import * as password from "~/server/auth/password";
import { limitWindowMs, usage } from "~/server/rate-limit";
import { createCaller } from "~/server/root";
import { createInnerContext } from "~/server/trpc";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";
import { type MailSink, startMailSink } from "./support/mail-sink";

// Count password hashes while keeping the real argon2 behind them.
vi.mock("~/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof password>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

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
/** A visitor whose requests come from one client address. */
const visitorAt = (ip: string) => createCaller(createInnerContext({ db: database.db, actor: null, mailer: mail.mailer, ip }));
const mailTo = (address: string) => mail.messages.filter((m) => m.to.includes(address));
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

  it("answers a taken email exactly as a new one, writes nothing, and tells the owner by mail instead", async () => {
    await createUser(database.db, { email: "taken@example.org" });
    const before = await database.db.$count(users);
    const answer = await (await visitor()).account.signUp({ displayName: "Someone", email: "TAKEN@example.org", password: "a long enough password" });
    const fresh = await (await visitor()).account.signUp({ displayName: "Someone", email: "fresh@example.org", password: "a long enough password" });
    expect(answer).toEqual({ email: "taken@example.org" });
    expect(Object.keys(answer)).toEqual(Object.keys(fresh));
    expect(await database.db.$count(users)).toBe(before + 1);
    const told = mail.lastTo("taken@example.org");
    expect(told?.text).toMatch(/tried to create a Norms Forum account/);
    expect(told?.text).toMatch(/\/forgot-password/);
    expect(told?.text).not.toMatch(/verify-email/);
    // Asking again and again mails the owner at most three times an hour.
    const api = await visitorAt("192.0.2.60");
    for (let i = 0; i < 5; i++) await api.account.signUp({ displayName: "Someone", email: "taken@example.org", password: "a long enough password" });
    expect(mailTo("taken@example.org")).toHaveLength(3);
  });

  it("hashes the password on both paths, so the answer takes as long for a taken address", async () => {
    await createUser(database.db, { email: "timed@example.org" });
    const hash = vi.mocked(password.hashPassword);
    hash.mockClear();
    const api = await visitorAt("192.0.2.61");
    await api.account.signUp({ displayName: "Someone", email: "timed@example.org", password: "a long enough password" });
    await api.account.signUp({ displayName: "Someone", email: "untimed@example.org", password: "a long enough password" });
    expect(hash).toHaveBeenCalledTimes(2);
  });

  it("limits sign-ups per client address", async () => {
    const api = await visitorAt("192.0.2.62");
    for (let i = 0; i < 20; i++) await api.account.signUp({ displayName: "Many", email: `many${i}@example.org`, password: "a long enough password" });
    const error = await failure(api.account.signUp({ displayName: "Many", email: "many20@example.org", password: "a long enough password" }));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Try again in \d+ minutes/);
    await (await visitorAt("192.0.2.63")).account.signUp({ displayName: "Other", email: "other-network@example.org", password: "a long enough password" });
  });

  it("refuses a name over several lines or with control characters", async () => {
    for (const displayName of ["Ana\nhttps://evil.example/login", "Ana\r\nBcc: x", "Ana\u0007", "Ana\u2028Bo", "evil\u202Enimda"]) {
      const error = await failure((await visitor()).account.signUp({ displayName, email: "lines@example.org", password: "a long enough password" }));
      expect(error.code, JSON.stringify(displayName)).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/Name must be one line, without control characters/);
    }
    const user = await createUser(database.db);
    const renamed = await failure((await callerAs(database.db, user)).account.updateProfile({ displayName: "Ana\nVisit evil.example" }));
    expect(renamed.code).toBe("BAD_REQUEST");
  });

  it("puts names into mail on one line and without links", async () => {
    await (await visitorAt("192.0.2.64")).account.signUp({ displayName: "Claim your prize at evil.example", email: "prize@example.org", password: "a long enough password" });
    const verification = mail.lastTo("prize@example.org")!.text;
    expect(verification).not.toMatch(/evil/);
    expect(verification).toMatch(/^Hello,$/m);

    // A name stored before names were checked, with a line break and a link, in a reset mail.
    const legacy = await createUser(database.db, { email: "legacy@example.org", displayName: "Ana" });
    await database.db.update(users).set({ displayName: "Ana\r\n\r\nYour account is closed: https://evil.example" }).where(eq(users.id, legacy.id));
    await (await visitorAt("192.0.2.64")).account.requestPasswordReset({ email: "legacy@example.org" });
    const reset = mail.lastTo("legacy@example.org")!.text;
    expect(reset).not.toMatch(/evil|closed/);
    expect(reset).toMatch(/^Hello,$/m);

    await (await visitorAt("192.0.2.64")).account.signUp({ displayName: "Ana\u200BDiplomat", email: "zw@example.org", password: "a long enough password" });
    expect(mail.lastTo("zw@example.org")!.text).toMatch(/^Hello Ana Diplomat,$/m);
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

  it("limits reset requests per client address", async () => {
    const api = await visitorAt("192.0.2.70");
    for (let i = 0; i < 20; i++) await api.account.requestPasswordReset({ email: `busy${i}@example.org` });
    const error = await failure(api.account.requestPasswordReset({ email: "busy@example.org" }));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Try again in \d+ minutes?/);
    await expect((await visitorAt("192.0.2.71")).account.requestPasswordReset({ email: "busy@example.org" })).resolves.toEqual({ sent: true });
  });

  it("a third party asking again and again cannot leave the owner without a working link", async () => {
    const owner = await createUser(database.db, { email: "silenced@example.org" });
    // The attacker, from many addresses, asks until the address's limit is spent.
    for (let i = 0; i < 12; i++) {
      await expect((await visitorAt(`198.51.100.${i}`)).account.requestPasswordReset({ email: "silenced@example.org" })).resolves.toEqual({ sent: true });
    }
    const received = mailTo("silenced@example.org");
    expect(received).toHaveLength(3);
    // The owner asks: no error, nothing new (the limit holds), ...
    await expect((await visitorAt("192.0.2.72")).account.requestPasswordReset({ email: "silenced@example.org" })).resolves.toEqual({ sent: true });
    expect(mailTo("silenced@example.org")).toHaveLength(3);
    // ... but the last link they were sent works until after the limit's window ends.
    const token = mail.tokenFor("silenced@example.org", "/reset-password")!;
    const { msBeforeNext } = await usage(database.db, "mail", "reset:silenced@example.org");
    expect(msBeforeNext).toBeGreaterThan(0);
    expect(msBeforeNext).toBeLessThanOrEqual(limitWindowMs("mail"));
    const row = await database.db.query.emailTokens.findFirst({ where: eq(emailTokens.userId, owner.id), orderBy: (t, { desc }) => desc(t.createdAt) });
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + msBeforeNext);
    await (await visitorAt("192.0.2.72")).account.resetPassword({ token, password: "the owner's new password" });
    expect((await userByEmail("silenced@example.org"))!.passwordHash).not.toBe(owner.passwordHash);
  });

  it("checks the link before hashing a new password, and limits resets per client address", async () => {
    const hash = vi.mocked(password.hashPassword);
    hash.mockClear();
    const api = await visitorAt("192.0.2.73");
    const bad = await failure(api.account.resetPassword({ token: "made-up-token-0123456789", password: "a brand new password" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(hash).not.toHaveBeenCalled();
    for (let i = 1; i < 20; i++) await failure(api.account.resetPassword({ token: `made-up-token-${i}-0123456789`, password: "a brand new password" }));
    const limited = await failure(api.account.resetPassword({ token: "made-up-token-x-0123456789", password: "a brand new password" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
  });

  it("keeps a verification link valid past the mail limit's window too", async () => {
    const api = await visitorAt("192.0.2.74");
    await api.account.signUp({ displayName: "Slow Reader", email: "slow@example.org", password: "a long enough password" });
    for (let i = 0; i < 5; i++) await api.account.resendVerification({ email: "slow@example.org" });
    expect(mailTo("slow@example.org")).toHaveLength(3);
    await api.account.verifyEmail({ token: mail.tokenFor("slow@example.org", "/verify-email")! });
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

  it("limits guesses of the current password: the right one is refused after five wrong ones", async () => {
    const user = await createUser(database.db, { password: "correct horse battery" });
    const api = await callerAs(database.db, user);
    for (let i = 0; i < 5; i++) {
      const wrong = await failure(api.account.changePassword({ currentPassword: `guess ${i}`, newPassword: "a whole new password" }));
      expect(wrong.code).toBe("BAD_REQUEST");
    }
    const limited = await failure(api.account.changePassword({ currentPassword: "correct horse battery", newPassword: "a whole new password" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/wrong too many times. Try again in 1[45] minutes/);
    // Somebody else is not affected.
    const other = await createUser(database.db, { password: "correct horse battery" });
    await (await callerAs(database.db, other)).account.changePassword({ currentPassword: "correct horse battery", newPassword: "a whole new password" });
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
