import "server-only";
import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "~/db/client";
import { logger } from "../logger";
import { signInInput } from "../schemas/accounts";
import { clientIp } from "./client-ip";
import { authConfig, sessionCookies } from "./config";
import { cookieValue, DEVICE_COOKIE_MAX_AGE, deviceCookieName } from "./known-device";
import { authenticate } from "./sign-in";
import { getAuthSecret } from "./secret";
import { secureCookies } from "./session";

export { clientIp };

/** Sign-in refusals; `code` reaches the sign-in form, which words the message. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/** Remembers this browser as one that signed in to the account (docs/security.md). */
async function setDeviceCookie(name: string, value: string) {
  try {
    (await cookies()).set(name, value, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE,
    });
  } catch (error) {
    // Signing in still works; this browser is just not remembered.
    logger.warn({ err: error }, "could not set the known-device cookie");
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  useSecureCookies: secureCookies(),
  cookies: sessionCookies(secureCookies()),
  logger: {
    error: (error) => {
      if (!(error instanceof CredentialsSignin)) logger.error({ err: error, cause: (error as { cause?: unknown }).cause }, "auth error");
    },
    warn: (code) => logger.warn({ code }, "auth warning"),
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const db = await getDb();
        // Imported here: server/context.ts imports this module.
        const { getMailer } = await import("../context");
        const cookieName = deviceCookieName(secureCookies());
        const result = await authenticate(db, getMailer(), {
          ...parsed.data,
          ip: clientIp(request.headers),
          deviceCookie: cookieValue(request.headers.get("cookie"), cookieName),
        });
        if (!result.ok) throw new SignInRefused(result.code);
        await setDeviceCookie(cookieName, result.deviceCookie);
        const { user } = result;
        return { id: user.id, email: user.email, name: user.displayName, sessionVersion: user.sessionVersion };
      },
    }),
  ],
}));
