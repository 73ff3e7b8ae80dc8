import "server-only";
import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "~/env.js";
import { getDb } from "~/db/client";
import { users } from "~/db/schema";
import { AppError } from "../errors";
import { logger } from "../logger";
import { assertNotLimited, consume, reset } from "../rate-limit";
import { signInInput } from "../schemas/accounts";
import { verifyPassword } from "./password";
import { authConfig } from "./config";
import { getAuthSecret } from "./secret";

/** Sign-in refusals; `code` reaches the sign-in form, which words the message. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  useSecureCookies: env.APP_URL.startsWith("https://"),
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
        const { email, password } = parsed.data;
        const db = await getDb();
        try {
          const ip = clientIp(request.headers);
          if (ip) await consume(db, "signInIp", ip);
          await assertNotLimited(db, "signInAccount", email);
          const user = await db.query.users.findFirst({ where: eq(users.email, email) });
          if (!user || !(await verifyPassword(user.passwordHash, password))) {
            await consume(db, "signInAccount", email);
            throw new SignInRefused("invalid");
          }
          if (!user.emailVerifiedAt) throw new SignInRefused("unverified");
          await reset(db, "signInAccount", email);
          return { id: user.id, email: user.email, name: user.displayName, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (error instanceof AppError && error.code === "RATE_LIMITED") {
            throw new SignInRefused(`rate_limited:${error.retryAfterSeconds ?? 60}`);
          }
          throw error;
        }
      },
    }),
  ],
}));
