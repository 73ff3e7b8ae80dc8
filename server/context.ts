import "server-only";
import { connection } from "next/server";
import { getDb } from "~/db/client";
import { env } from "~/env.js";
import { loadActor } from "./actor";
import { auth, clientIp } from "./auth";
import { logger } from "./logger";
import { logMailer, type Mailer, smtpMailer } from "./mail";
import { type Context, createInnerContext } from "./trpc";

let mailer: Mailer | undefined;
export function getMailer(): Mailer {
  if (!mailer) {
    if (env.SMTP_URL) mailer = smtpMailer(env.SMTP_URL, env.MAIL_FROM);
    else {
      if (env.NODE_ENV === "production") logger.warn("SMTP_URL is unset: mail is written to the log, not sent");
      mailer = logMailer;
    }
  }
  return mailer;
}

/** The signed-in person as the database sees them now, or null. */
export async function getActor() {
  // Request-time only: during `next build` this stops prerendering before the database is touched.
  await connection();
  const db = await getDb();
  const session = await auth();
  return loadActor(db, session?.userId ? { userId: session.userId, sessionVersion: session.sessionVersion } : null);
}

export async function createRequestContext(headers: Headers): Promise<Context> {
  await connection();
  const db = await getDb();
  return createInnerContext({ db, actor: await getActor(), mailer: getMailer(), ip: clientIp(headers) });
}
