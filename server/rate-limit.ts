import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "~/db/connect";
import { rateLimits } from "~/db/schema";
import { rateLimited } from "./errors";

// Stored in PostgreSQL (table rate_limits), so limits hold across several app instances.
// The sign-in scheme (which limits, and why) is explained in docs/security.md, "Sign-in throttling".
const limits = {
  // Per client address: 50 failed sign-ins per 15 minutes, whatever the accounts.
  signInIp: { points: 50, duration: 15 * 60 },
  // Per account and address (or account and known device): 10 failed sign-ins per 15 minutes.
  signInPair: { points: 10, duration: 15 * 60 },
  // Per account, from anywhere: past 20 failures in 15 minutes only known devices may still try, slowed down.
  signInAccount: { points: 20, duration: 15 * 60 },
  // One "someone is trying to sign in to your account" mail per account per window.
  signInAlert: { points: 1, duration: 15 * 60 },
  // Per person: 5 wrong current passwords per 15 minutes when changing the password.
  changePassword: { points: 5, duration: 15 * 60 },
  // Per client address: 20 password resets per 15 minutes.
  resetPasswordIp: { points: 20, duration: 15 * 60 },
  // Per client address: 20 sign-ups per hour (an office may sign several colleagues up).
  signUpIp: { points: 20, duration: 60 * 60 },
  // Per recipient and kind of message: 3 per hour. Over it nothing new is sent; the last link sent
  // stays valid for longer than this window (server/domain/tokens.ts), so nobody can silence the owner.
  mail: { points: 3, duration: 60 * 60 },
  // Per client address: 20 requests that send mail (reset, new confirmation link) per hour.
  mailIp: { points: 20, duration: 60 * 60 },
  // Per person: 10 new comments per 10 minutes, and 10 reports per hour.
  comment: { points: 10, duration: 10 * 60 },
  report: { points: 10, duration: 60 * 60 },
  // Per person: 10 new amendments per hour.
  amendment: { points: 10, duration: 60 * 60 },
  // Per person: 20 requests to co-sponsor a norm per hour.
  sponsorRequest: { points: 20, duration: 60 * 60 },
  // Per person: 10 links to confirm a further address per hour (and the per-recipient `mail` limit).
  addressConfirmation: { points: 10, duration: 60 * 60 },
  // Per proposer: 20 co-author invitations per hour, so invitations cannot probe or spam addresses.
  coauthorInvitation: { points: 20, duration: 60 * 60 },
  // Per client address: 60 uses of unsubscribe links per hour (a token is checked at each).
  unsubscribeIp: { points: 60, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof limits;

/** How long a limit's window lasts, in milliseconds. */
export const limitWindowMs = (name: LimitName) => limits[name].duration * 1000;

/**
 * The key for per-address limits. A request whose address is unknown (the app was not started
 * through server.ts, see clientIp) shares one key with every other such request: the limits then
 * hold for all of them together rather than not at all.
 */
export const addressKey = (ip: string | null) => ip ?? "unknown";

const limiters = new WeakMap<Db, Map<LimitName, RateLimiterDrizzle>>();

function limiter(db: Db, name: LimitName) {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    found = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: name,
      clearExpiredByTimeout: false,
      ...limits[name],
    });
    byName.set(name, found);
  }
  return found;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Spends one point; throws a RATE_LIMITED error saying when to try again once the limit is reached.
 * `message` words the refusal for the action, given the wait in words ("3 minutes").
 */
export async function consume(db: Db, name: LimitName, key: string, message?: (wait: string) => string) {
  try {
    await limiter(db, name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(seconds(error.msBeforeNext), message);
    throw error;
  }
}

/** Spends one point if one is left: true when it was spent, false when the limit is reached. */
export async function tryConsume(db: Db, name: LimitName, key: string): Promise<boolean> {
  try {
    await limiter(db, name).consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** How much of a limit is spent, and when its window ends (msBeforeNext 0 when nothing is spent). */
export async function usage(db: Db, name: LimitName, key: string) {
  const res = await limiter(db, name).get(key);
  const consumed = res?.consumedPoints ?? 0;
  return { consumed, reached: consumed >= limits[name].points, msBeforeNext: res?.msBeforeNext ?? 0 };
}

/** Refuses, without spending a point, when the limit is already reached (e.g. before checking a password). */
export async function assertNotLimited(db: Db, name: LimitName, key: string, message?: (wait: string) => string) {
  const { reached, msBeforeNext } = await usage(db, name, key);
  if (reached) throw rateLimited(seconds(msBeforeNext), message);
}

export async function reset(db: Db, name: LimitName, key: string) {
  await limiter(db, name).delete(key);
}
