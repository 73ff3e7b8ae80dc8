import "server-only";
import { connection } from "next/server";
import { getDb } from "~/db/client";
import { loadActor } from "./actor";
import { auth, clientIp } from "./auth";
import { requestLocale } from "./i18n/paths";
import { getMailer } from "./mailer";
import { type Context, createInnerContext } from "./trpc";

export { getMailer };

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
  // A page's language comes from the middleware; the browser's calls to /api/trpc name their
  // page's language in the same header (app/_trpc/react.tsx). It chooses only the language of
  // the messages of a refusal.
  return createInnerContext({ db, actor: await getActor(), mailer: getMailer(), ip: clientIp(headers), locale: requestLocale(headers) });
}
