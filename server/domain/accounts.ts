import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { suspensionAppeals, users } from "~/db/schema";
import { hashPassword, verifyPassword } from "../auth/password";
import { AppError, badInput, invalidState, notFound, pgErrorCode } from "../errors";
import type { Mailer } from "../mail";
import type { Actor } from "../policy";
import { addressKey, assertNotLimited, consume, reset, tryConsume } from "../rate-limit";
import type {
  appealInput,
  changePasswordInput,
  resetPasswordInput,
  setLocaleInput,
  signUpInput,
  updateProfileInput,
} from "../schemas/accounts";
import { accountMail, mailLocale, paragraphs } from "../i18n/mail";
import type { Locale } from "../i18n/locales";
import { checkToken, issueToken, retireTokens, useToken } from "./tokens";
import { clock } from "../clock";

const tokenPath = (path: string, token: string) => `${path}?token=${encodeURIComponent(token)}`;

/** The confirmation link, in the account's language (docs/languages.md, "Mail"). */
async function sendVerification(mailer: Mailer, to: string, displayName: string, token: string, locale: Locale) {
  const { t, greeting, link } = await accountMail(locale);
  await mailer.send({
    to,
    subject: t("verify.subject"),
    text: paragraphs(greeting(displayName), t("verify.body"), link(tokenPath("/verify-email", token)), t("verify.ignore")),
  });
}

/**
 * Someone signed up with an address that already has an account: tell its owner, nobody else, in
 * the language of that account (not of whoever typed the address).
 */
async function sendAlreadyRegistered(mailer: Mailer, to: string, locale: Locale) {
  const { t, greeting, link } = await accountMail(locale);
  await mailer.send({
    to,
    subject: t("alreadyRegistered.subject"),
    text: paragraphs(
      greeting(null),
      t("alreadyRegistered.body"),
      t("alreadyRegistered.signIn"),
      link("/sign-in"),
      t("alreadyRegistered.forgot"),
      link("/forgot-password"),
      t("alreadyRegistered.ignore"),
    ),
  });
}

const tooManySignUps = (wait: string) => `Too many accounts have been created from your network. Try again in ${wait}.`;
const tooManyMails = (wait: string) => `Too many emails have been asked for from your network. Try again in ${wait}.`;

/**
 * Mail to an address is limited per address and kind: over the limit nothing new is sent, and
 * the caller answers as if it had been. The last link sent stays valid for longer than the limit's
 * window (tokens.ts), so a third party asking again and again cannot leave the owner without one.
 */
const mayMail = (db: Db, kind: "verify" | "reset" | "registered", email: string) => tryConsume(db, "mail", `${kind}:${email}`);

/**
 * Answers the same whether or not the address already has an account; its owner is told by mail.
 * The password is hashed on both paths, so the time taken does not tell either.
 */
export async function signUp(db: Db, mailer: Mailer, input: z.output<typeof signUpInput>, ip: string | null = null) {
  await consume(db, "signUpIp", addressKey(ip), tooManySignUps);
  const passwordHash = await hashPassword(input.password);
  const existing = await db.query.users.findFirst({ columns: { id: true, locale: true }, where: eq(users.email, input.email) });
  let token: string | null = null;
  if (!existing) {
    try {
      token = await db.transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({ email: input.email, displayName: input.displayName, passwordHash, locale: input.locale })
          .returning({ id: users.id });
        return issueToken(tx, user!.id, "verify_email");
      });
    } catch (error) {
      // Someone signed up with the same address at the same moment.
      if (pgErrorCode(error) !== "23505") throw error;
    }
  }
  if (token) {
    if (await mayMail(db, "verify", input.email)) await sendVerification(mailer, input.email, input.displayName, token, input.locale);
  } else if (await mayMail(db, "registered", input.email)) {
    // The account's language; one created at the same moment (no row read) is in the page's.
    await sendAlreadyRegistered(mailer, input.email, existing ? mailLocale(existing.locale) : input.locale);
  }
  return { email: input.email };
}

export async function verifyEmail(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const userId = await useToken(tx, token, "verify_email");
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${clock.now().toISOString()}::timestamptz)`, updatedAt: clock.now() })
      .where(eq(users.id, userId));
    return { verified: true };
  });
}

/** Says nothing about whether the address has an account. */
export async function resendVerification(db: Db, mailer: Mailer, email: string, ip: string | null = null) {
  await consume(db, "mailIp", addressKey(ip), tooManyMails);
  const allowed = await mayMail(db, "verify", email);
  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  if (!allowed || !user || user.emailVerifiedAt) return { sent: true };
  const token = await issueToken(db, user.id, "verify_email");
  await sendVerification(mailer, user.email, user.displayName, token, mailLocale(user.locale));
  return { sent: true };
}

/** Says nothing about whether the address has an account. */
export async function requestPasswordReset(db: Db, mailer: Mailer, email: string, ip: string | null = null) {
  await consume(db, "mailIp", addressKey(ip), tooManyMails);
  const allowed = await mayMail(db, "reset", email);
  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  if (!allowed || !user) return { sent: true };
  const token = await issueToken(db, user.id, "reset_password");
  const { t, greeting, link } = await accountMail(mailLocale(user.locale));
  await mailer.send({
    to: user.email,
    subject: t("resetPassword.subject"),
    text: paragraphs(greeting(user.displayName), t("resetPassword.body"), link(tokenPath("/reset-password", token)), t("resetPassword.ignore")),
  });
  return { sent: true };
}

export async function resetPassword(db: Db, input: z.output<typeof resetPasswordInput>, ip: string | null = null) {
  await consume(db, "resetPasswordIp", addressKey(ip));
  // The link first: a made-up token costs a lookup, not a password hash.
  await checkToken(db, input.token, "reset_password");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const userId = await useToken(tx, input.token, "reset_password");
    await retireTokens(tx, userId, "reset_password");
    // Following an emailed link also proves the address; every session on other devices ends.
    await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${clock.now().toISOString()}::timestamptz)`,
        updatedAt: clock.now(),
      })
      .where(eq(users.id, userId));
    return { reset: true };
  });
}

const tooManyPasswordGuesses = (wait: string) =>
  `Your current password was wrong too many times. Try again in ${wait}, or reset your password by email.`;

export async function changePassword(db: Db, actor: Actor, input: z.output<typeof changePasswordInput>) {
  await assertNotLimited(db, "changePassword", actor.id, tooManyPasswordGuesses);
  const user = await db.query.users.findFirst({ columns: { passwordHash: true }, where: eq(users.id, actor.id) });
  if (!user) throw notFound("Your account");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await consume(db, "changePassword", actor.id, tooManyPasswordGuesses);
    throw badInput("Your current password is not right.", { currentPassword: "Your current password is not right." });
  }
  if (input.currentPassword === input.newPassword) {
    throw badInput("Choose a password you have not been using.", { newPassword: "Choose a password you have not been using." });
  }
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: clock.now() })
    .where(eq(users.id, actor.id));
  await reset(db, "changePassword", actor.id);
  return { changed: true };
}

export async function signOutEverywhere(db: Db, actor: Actor) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: clock.now() })
    .where(eq(users.id, actor.id));
  return { signedOut: true };
}

export async function updateProfile(db: Db, actor: Actor, input: z.output<typeof updateProfileInput>) {
  await db.update(users).set({ displayName: input.displayName, updatedAt: clock.now() }).where(eq(users.id, actor.id));
  return { displayName: input.displayName };
}

/** The language of the person's mail (users.locale). */
export async function setLocale(db: Db, actor: Actor, input: z.output<typeof setLocaleInput>) {
  await db.update(users).set({ locale: input.locale, updatedAt: clock.now() }).where(eq(users.id, actor.id));
  return { locale: input.locale };
}

export async function me(db: Db, actor: Actor) {
  const user = await db.query.users.findFirst({
    columns: { id: true, email: true, displayName: true, role: true, emailVerifiedAt: true, createdAt: true, locale: true },
    where: eq(users.id, actor.id),
  });
  if (!user) throw notFound("Your account");
  const appeal = actor.suspension
    ? await db.query.suspensionAppeals.findFirst({
        columns: { id: true, text: true, status: true, createdAt: true, decisionNote: true },
        where: and(eq(suspensionAppeals.suspensionId, actor.suspension.id), eq(suspensionAppeals.userId, actor.id)),
      })
    : undefined;
  return { ...user, suspension: actor.suspension, appeal: appeal ?? null };
}

export async function appeal(db: Db, actor: Actor, input: z.output<typeof appealInput>) {
  if (!actor.suspension) throw invalidState("Your account is not suspended, so there is nothing to appeal.");
  try {
    const [row] = await db
      .insert(suspensionAppeals)
      .values({ suspensionId: actor.suspension.id, userId: actor.id, text: input.text })
      .returning({ id: suspensionAppeals.id });
    return { id: row!.id };
  } catch (error) {
    if (pgErrorCode(error) === "23505") {
      throw new AppError("CONFLICT", "You have already appealed this suspension. The secretariat will answer it.");
    }
    throw error;
  }
}
