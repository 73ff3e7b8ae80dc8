import "server-only";
import type { Db } from "~/db/connect";
import { getDb } from "~/db/client";
import { respond } from "./http";

/** For route handlers: opens the database inside the error handling, so an outage is a JSON 500 too. */
export const withDb = (produce: (db: Db) => Promise<Response>) => respond(async () => produce(await getDb()));
