import "server-only";
import { headers } from "next/headers";
import { connection } from "next/server";
import { getDb } from "~/db/client";
import { loadActor } from "./actor";
import { clientIp } from "./auth";
import { readSession } from "./auth/session";
import { requestLocale } from "./i18n/paths";
import { getMailer } from "./mailer";
import { type Context, createInnerContext } from "./trpc";

export { getMailer };

/** The signed-in person as the database sees them now, or null (pages, server actions). */
export async function getActor() {
  // Request-time only: during `next build` this stops prerendering before the database is touched.
  await connection();
  const db = await getDb();
  return loadActor(db, await readSession(await headers()));
}

/**
 * The context of an /api/trpc call, from its headers alone: it is built inside Next.js's route or
 * outside it (server/trpc-direct.ts), where Next.js's request functions are not available.
 */
export async function createRequestContext(requestHeaders: Headers): Promise<Context> {
  const db = await getDb();
  const actor = await loadActor(db, await readSession(requestHeaders));
  // A page's language comes from the middleware; the browser's calls to /api/trpc name their
  // page's language in the same header (app/_trpc/react.tsx). It chooses only the language of
  // the messages of a refusal.
  return createInnerContext({ db, actor, mailer: getMailer(), ip: clientIp(requestHeaders), locale: requestLocale(requestHeaders) });
}
