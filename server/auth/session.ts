// Who a request's session cookie stands for, read the way Auth.js reads it, without renewing it.
// next-auth's auth() answers the same question by running its whole session endpoint in process:
// it decrypts the cookie, runs the callbacks, encrypts and seals a renewed cookie and serializes a
// response, then throws the new cookie away (a page or a route handler cannot set it from there).
// On a signed-in API call that was about a millisecond of the processor for nothing.
import { getToken } from "next-auth/jwt";
import { env } from "~/env.js";
import { sessionCookieName, signInStillValid } from "./config";
import { getAuthSecret } from "./secret";

/** Only a configured https:// address turns secure cookies on (in development APP_URL may be unset). */
export const secureCookies = () => Boolean(env.APP_URL?.startsWith("https://"));

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
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
  const token = await getToken({
    req: { headers: { cookie: headers.get("cookie") ?? "" } },
    secret: getAuthSecret(),
    secureCookie: secure,
    cookieName,
    salt: cookieName,
  });
  if (!token?.sub || !signInStillValid(token)) return null;
  return { userId: token.sub, sessionVersion: token.sv ?? 0 };
}
