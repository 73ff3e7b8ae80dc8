import { sql } from "drizzle-orm";
import type { Db } from "~/db/connect";
import { RETRY_AFTER_UNAVAILABLE_SECONDS } from "./errors";
import { logger } from "./logger";

/** 200 when the database answers within the timeout, 503 otherwise. */
export async function checkHealth(getDb: () => Promise<Db>, timeoutMs = 3000) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const db = await getDb();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database timed out")), timeoutMs);
      }),
    ]);
    return { status: 200, body: { status: "ok", db: "ok" } } as const;
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return { status: 503, body: { status: "error", db: "unreachable" }, retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_SECONDS } as const;
  } finally {
    clearTimeout(timer);
  }
}
