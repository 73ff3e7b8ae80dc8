// Edge-safe part of the auth configuration: no database, no Node APIs. server/auth/index.ts adds
// the credentials provider, which needs both.
import type { NextAuthConfig } from "next-auth";

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
    /** When the person signed in (seconds since the epoch); re-issuing the token keeps it. */
    authAt?: number;
  }
}

/**
 * Under https every cookie Auth.js sets is `__Host-`: Secure, path "/", no Domain, so a sibling
 * subdomain cannot plant or overwrite one (Auth.js's default `__Secure-` allows a Domain). The
 * name is also the token's key-derivation salt: renaming it signs everyone out once.
 */
export function sessionCookies(secure: boolean): NonNullable<NextAuthConfig["cookies"]> {
  const prefix = secure ? "__Host-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: sessionCookieName(secure), options },
    callbackUrl: { name: `${prefix}authjs.callback-url`, options },
    csrfToken: { name: `${prefix}authjs.csrf-token`, options },
  };
}

/** The session cookie's name (see sessionCookies). */
export const sessionCookieName = (secure: boolean) => `${secure ? "__Host-" : ""}authjs.session-token`;

/** The longest a session lasts, from sign-in (docs/security.md, "Sessions"). */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/**
 * Auth.js re-issues the token with a fresh expiry whenever /api/auth/session is read, so a token
 * alone would never expire; the sign-in time it carries does. A token without one (as issued
 * before sessions carried it) cannot be aged, so it is not valid.
 */
export const signInStillValid = (token: { authAt?: number }) =>
  typeof token.authAt === "number" && Date.now() / 1000 - token.authAt <= SESSION_MAX_AGE;

/** The leeway Auth.js's decoding gives a token's expiry (jose's clockTolerance there). */
const EXPIRY_LEEWAY_SECONDS = 15;

/** A decoded token's own expiry, as Auth.js's decoding checks it (server/auth/session.ts checks it again at each use). */
export const tokenUnexpired = (token: { exp?: number }) => typeof token.exp !== "number" || token.exp > Date.now() / 1000 - EXPIRY_LEEWAY_SECONDS;

export const authConfig = {
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // The credentials provider only works with JWT sessions. The token carries the user id and a
  // session version; role, suspension and the version's validity are read from the database on
  // every request (server/actor.ts), so revoking takes effect at once.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 1;
        token.authAt = Math.floor(Date.now() / 1000);
        return token;
      }
      // Returning null ends the session (server/auth/session.ts applies the same rule).
      return signInStillValid(token) ? token : null;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub ?? "", sessionVersion: token.sv ?? 0 };
    },
  },
} satisfies NextAuthConfig;
