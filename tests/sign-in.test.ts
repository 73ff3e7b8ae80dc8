import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import * as password from "~/server/auth/password";
import { authenticate, type SignInAttempt } from "~/server/auth/sign-in";
import { createTestDatabase } from "./support/db";
import { type MailSink, startMailSink } from "./support/mail-sink";

// Count the password checks while keeping the real argon2 behind them.
vi.mock("~/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof password>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
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

const attempt = (a: SignInAttempt) => authenticate(database.db, mail.mailer, a);
const PASSWORD = "correct horse battery";
let n = 0;
/** A fresh address from the documentation range for each attacker request. */
const someAddress = () => `198.51.100.${++n % 250}`;
/** Addresses of several /24 networks, so a distributed attacker is not slowed by the per-address limit. */
const distributed = (i: number) => `203.0.${Math.floor(i / 200)}.${i % 200}`;

describe("sign-in throttling (docs/security.md)", () => {
  it("refuses an account-and-address pair after 10 failures, while the owner elsewhere still signs in", async () => {
    const user = await createUser(database.db, { password: PASSWORD });
    for (let i = 0; i < 10; i++) expect((await attempt({ email: user.email, password: "guess", ip: "192.0.2.10" })).ok).toBe(false);
    const pair = await attempt({ email: user.email, password: PASSWORD, ip: "192.0.2.10" });
    expect(pair).toMatchObject({ ok: false, code: expect.stringMatching(/^rate_limited:\d+$/) });
    expect(await attempt({ email: user.email, password: PASSWORD, ip: "192.0.2.99" })).toMatchObject({ ok: true });
  });

  it("refuses an address after 50 failures, whichever accounts it tries", async () => {
    for (let i = 0; i < 50; i++) await attempt({ email: `nobody${i}@example.org`, password: "guess", ip: "192.0.2.50" });
    const user = await createUser(database.db, { password: PASSWORD });
    expect(await attempt({ email: user.email, password: PASSWORD, ip: "192.0.2.50" })).toMatchObject({
      ok: false,
      code: expect.stringMatching(/^rate_limited:/),
    });
  });

  it("never locks the owner out of a known device: attacks from many addresses only slow it down", async () => {
    const user = await createUser(database.db, { password: PASSWORD });
    const first = await attempt({ email: user.email, password: PASSWORD, ip: "192.0.2.20" });
    expect(first.ok).toBe(true);
    const deviceCookie = first.ok ? first.deviceCookie : undefined;
    expect(deviceCookie).toBeTruthy();

    for (let i = 0; i < 40; i++) await attempt({ email: user.email, password: "guess", ip: distributed(i) });

    // A new device, even from a fresh address, is refused while the attack goes on ...
    const stranger = await attempt({ email: user.email, password: PASSWORD, ip: "192.0.2.21" });
    expect(stranger).toMatchObject({ ok: false, code: expect.stringMatching(/^rate_limited:/) });
    // ... and so is every further guess, right or wrong, from a new device.
    expect((await attempt({ email: user.email, password: "another guess", ip: distributed(41) })).ok).toBe(false);

    // The owner's own browser still gets in with the right password, after a pause.
    const started = performance.now();
    const owner = await attempt({ email: user.email, password: PASSWORD, ip: "192.0.2.22", deviceCookie });
    expect(owner).toMatchObject({ ok: true, user: { id: user.id } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
    // A forged or other account's cookie is not a known device.
    const forged = `${deviceCookie!.slice(0, -4)}AAAA`;
    expect((await attempt({ email: user.email, password: PASSWORD, ip: "192.0.2.23", deviceCookie: forged })).ok).toBe(false);
  });

  it("mails the owner once per window when their account is under attack, and nobody for an unknown address", async () => {
    const user = await createUser(database.db, { password: PASSWORD });
    const before = mail.messages.length;
    for (let i = 0; i < 45; i++) await attempt({ email: user.email, password: "guess", ip: distributed(400 + i) });
    for (let i = 0; i < 45; i++) await attempt({ email: "ghost@example.org", password: "guess", ip: distributed(600 + i) });
    const sent = mail.messages.slice(before);
    expect(sent.map((m) => m.to)).toEqual([[user.email]]);
    expect(sent[0]!.text).toMatch(/trying to sign in/);
    expect(sent[0]!.text).toMatch(/\/forgot-password/);
  });
});

describe("sign-in answers an unknown address as slowly as a known one", () => {
  it("checks a password against an argon2 hash on both paths", async () => {
    const user = await createUser(database.db, { password: PASSWORD });
    const verify = vi.mocked(password.verifyPassword);
    verify.mockClear();
    await attempt({ email: user.email, password: "wrong", ip: someAddress() });
    await attempt({ email: "unknown-person@example.org", password: "wrong", ip: someAddress() });
    expect(verify).toHaveBeenCalledTimes(2);
    for (const [hash] of verify.mock.calls) expect(hash).toMatch(/^\$argon2id\$/);
  });

  it("takes at least half as long for an unknown address (medians of interleaved runs)", async () => {
    const user = await createUser(database.db, { password: PASSWORD });
    const time = async (email: string) => {
      const started = performance.now();
      await attempt({ email, password: "wrong", ip: someAddress() });
      return performance.now() - started;
    };
    await time("warm-up@example.org");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`unknown${i}@example.org`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
    expect(median(unknown)).toBeGreaterThanOrEqual(median(known) / 2);
  });
});
