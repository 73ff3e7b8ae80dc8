// Who a request's session cookie stands for, read the way Auth.js reads it, without renewing it.
// next-auth's auth() answers the same question by running its whole session endpoint in process:
// it decrypts the cookie, runs the callbacks, encrypts and seals a renewed cookie and serializes a
// response, then throws the new cookie away (a page or a route handler cannot set it from there).
// On a signed-in API call that was about a millisecond of the processor for nothing.
import { decode, getToken, type JWT } from "next-auth/jwt";
import { env } from "~/env.js";
import { sessionCookieName, signInStillValid, tokenUnexpired } from "./config";
import { getAuthSecret } from "./secret";

/** Only a configured https:// address turns secure cookies on (in development APP_URL may be unset). */
export const secureCookies = () => Boolean(env.APP_URL?.startsWith("https://"));

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** How many decrypted cookies are kept (a few megabytes at most). */
const MAX_KEPT = 10_000;

// Decrypting a cookie costs about 0.4 ms of the processor (WebCrypto), on every call of a
// signed-in person. A cookie's value is sealed (encrypted and authenticated): the same value
// always decrypts to the same claims under the same secret, so those of values seen lately are
// kept, and only what changes with time (its expiry, the sign-in's age) is checked at each use.
const kept = new Map<string, JWT>();
let keptUnder: string | undefined;

async function claimsOf(token: string, cookieName: string): Promise<JWT | null> {
  const secret = getAuthSecret();
  if (keptUnder !== secret) {
    kept.clear();
    keptUnder = secret;
  }
  const key = `${cookieName}=${token}`;
  let claims = kept.get(key);
  if (!claims) {
    try {
      claims = (await decode({ token, secret, salt: cookieName })) ?? undefined;
    } catch {
      return null;
    }
    if (!claims) return null;
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, claims);
  }
  // Checked again at each use, as decoding checks it (the first use already passed it).
  return tokenUnexpired(claims) ? claims : null;
}

/**
 * The person and session version a request's session cookie carries, or null when there is none
 * or it is not valid: not sealed by this deployment's secret for this cookie, expired, or older
 * than the longest a session lasts from sign-in. The same rules as Auth.js's session endpoint
 * (its decoding, then the jwt and session callbacks of server/auth/config.ts). Only the cookie is
 * read, as auth() reads it: a token in an Authorization header is not a session.
 */
export async function readSession(headers: Headers): Promise<SessionClaims | null> {
  const secure = secureCookies();
  const cookieName = sessionCookieName(secure);
  // Auth.js's own reading of the cookie (it may be split in chunks), raw: decrypted below.
  const token = await getToken({ req: { headers: { cookie: headers.get("cookie") ?? "" } }, secureCookie: secure, cookieName, raw: true });
  const claims = token ? await claimsOf(token, cookieName) : null;
  if (!claims?.sub || !signInStillValid(claims)) return null;
  return { userId: claims.sub, sessionVersion: claims.sv ?? 0 };
}
