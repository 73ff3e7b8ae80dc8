import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/connect";
import { users } from "~/db/schema";
import type { Locale } from "../i18n/locales";
import { accountMail, mailLocale, paragraphs } from "../i18n/mail";
import { logger } from "../logger";
import { securityEvent } from "../security-events";
import type { Mailer } from "../mail";
import { addressKey, reset, tryConsume, usage } from "../rate-limit";
import { readKnownDevice, rememberDevice } from "./known-device";
import { hashPassword, verifyPassword } from "./password";
import { getAuthSecret } from "./secret";

// The scheme and its reasons are in docs/security.md, "Sign-in throttling". In short: failures
// are limited per address and per account-and-address pair; past a limit for the account as a
// whole, only browsers that signed in to it before may still try, and they are slowed down; the
// owner gets one mail per window.

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address as server.ts reported it (clientIp), or null when unknown. */
  ip: string | null;
  /** The known-device cookie the browser sent, if any. */
  deviceCookie?: string;
}

export type SignInResult =
  | { ok: true; user: { id: string; email: string; displayName: string; sessionVersion: number }; deviceCookie: string }
  | { ok: false; code: "invalid" | "unverified" | `rate_limited:${number}` };

/** How long a known device waits while its account is under attack. */
export const UNDER_ATTACK_DELAY_MS = 2000;

const refused = (msBeforeNext: number): SignInResult => ({
  ok: false,
  code: `rate_limited:${Math.max(1, Math.ceil(msBeforeNext / 1000))}`,
});

// Unknown addresses are checked against this, so they cost as much as known ones and the answer's
// timing does not tell whether an account exists.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(18).toString("base64url")));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function authenticate(db: Db, mailer: Mailer, attempt: SignInAttempt): Promise<SignInResult> {
  const result = await checkSignIn(db, mailer, attempt);
  if (result.ok) securityEvent("sign_in.succeeded", { userId: result.user.id });
  else if (result.code === "invalid") securityEvent("sign_in.failed", { reason: "wrong email or password" });
  else if (result.code === "unverified") securityEvent("sign_in.refused", { reason: "email not confirmed" });
  else securityEvent("sign_in.refused", { reason: "rate limited", retryAfterSeconds: Number(result.code.split(":")[1]) });
  return result;
}

async function checkSignIn(db: Db, mailer: Mailer, attempt: SignInAttempt): Promise<SignInResult> {
  const { email, password } = attempt;
  const address = addressKey(attempt.ip);

  const byAddress = await usage(db, "signInIp", address);
  if (byAddress.reached) return refused(byAddress.msBeforeNext);

  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  const secret = getAuthSecret();
  const device = readKnownDevice(secret, attempt.deviceCookie);
  const knownDevice = Boolean(user && device?.userIds.includes(user.id));
  // A known device is its own pair, so someone sharing the owner's address cannot block it.
  const pair = knownDevice ? `${email}|device:${device!.id}` : `${email}|${address}`;

  const byPair = await usage(db, "signInPair", pair);
  if (byPair.reached) return refused(byPair.msBeforeNext);
  const byAccount = await usage(db, "signInAccount", email);
  if (byAccount.reached) {
    if (!knownDevice) return refused(byAccount.msBeforeNext);
    await sleep(UNDER_ATTACK_DELAY_MS);
  }

  const matches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !matches) {
    await tryConsume(db, "signInIp", address);
    await tryConsume(db, "signInPair", pair);
    await tryConsume(db, "signInAccount", email);
    if (user && (await usage(db, "signInAccount", email)).reached) await alertOwner(db, mailer, user.email, mailLocale(user.locale));
    return { ok: false, code: "invalid" };
  }
  if (!user.emailVerifiedAt) return { ok: false, code: "unverified" };
  // The account-wide count stays: the owner signing in does not stop the attack.
  await reset(db, "signInPair", pair);
  return {
    ok: true,
    user: { id: user.id, email: user.email, displayName: user.displayName, sessionVersion: user.sessionVersion },
    deviceCookie: rememberDevice(secret, device, user.id),
  };
}

/** Tells the owner, once per window and in their language, that someone is guessing their password. */
async function alertOwner(db: Db, mailer: Mailer, email: string, locale: Locale) {
  if (!(await tryConsume(db, "signInAlert", email))) return;
  try {
    const { t, greeting, link } = await accountMail(locale);
    await mailer.send({
      to: email,
      subject: t("signInAlert.subject"),
      text: paragraphs(greeting(null), t("signInAlert.body"), t("signInAlert.meanwhile"), t("signInAlert.ifYou"), link("/forgot-password"), t("signInAlert.ifNot")),
    });
  } catch (error) {
    logger.error({ err: error }, "could not send the sign-in alert");
  }
}
