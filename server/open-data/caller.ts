import "server-only";
import type { Db } from "~/db/connect";
import { logMailer } from "../mail";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";

/**
 * The API reads through the same procedures as the pages, as a visitor, so the policy and the
 * draft filter apply exactly as they do on the site.
 */
export const visitorCaller = (db: Db) => createCaller(createInnerContext({ db, actor: null, mailer: logMailer }));
