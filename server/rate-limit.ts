import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "~/db/connect";
import { rateLimits } from "~/db/schema";
import { rateLimited } from "./errors";

// Stored in PostgreSQL (table rate_limits), so limits hold across several app instances.
const limits = {
  // Per account: 10 failed sign-ins per 15 minutes.
  signInAccount: { points: 10, duration: 15 * 60 },
  // Per IP: 50 sign-in attempts per 15 minutes.
  signInIp: { points: 50, duration: 15 * 60 },
  // Per address: 5 messages (verification, reset) per hour.
  mail: { points: 5, duration: 60 * 60 },
  // Per person: 10 new comments per 10 minutes, and 10 reports per hour.
  comment: { points: 10, duration: 10 * 60 },
  report: { points: 10, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof limits;

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

/**
 * Spends one point; throws a RATE_LIMITED error saying when to try again once the limit is reached.
 * `message` words the refusal for the action, given the wait in words ("3 minutes").
 */
export async function consume(db: Db, name: LimitName, key: string, message?: (wait: string) => string) {
  try {
    await limiter(db, name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), message);
    throw error;
  }
}

/** Refuses, without spending a point, when the limit is already reached (e.g. before checking a password). */
export async function assertNotLimited(db: Db, name: LimitName, key: string) {
  const res = await limiter(db, name).get(key);
  if (res && res.consumedPoints >= limits[name].points) {
    throw rateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
  }
}

export async function reset(db: Db, name: LimitName, key: string) {
  await limiter(db, name).delete(key);
}
