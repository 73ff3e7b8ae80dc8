import { sql } from "drizzle-orm";
import { type Db, resultRows } from "~/db/connect";
import { RETRY_AFTER_UNAVAILABLE_SECONDS } from "./errors";
import { logger } from "./logger";

export interface QueueHealth {
  status: "ok" | "not running" | "behind";
  /** Outbox events not yet fanned out, mails not yet sent, and of those the ones refused at least once. */
  waitingEvents: number;
  unsentMail: number;
  retryingMail: number;
}

/** The job queue's state, read from the outbox and outbound mail (server/notifications/queue.ts). */
export async function queueHealth(db: Db, running: boolean): Promise<QueueHealth> {
  const [row] = resultRows<{ events: number; unsent: number; retrying: number; stale: boolean }>(
    await db.execute(sql`
      select (select count(*) from notification_events where fanned_out_at is null)::int as events,
        (select count(*) from outbound_mail where sent_at is null and skipped_at is null)::int as unsent,
        (select count(*) from outbound_mail where sent_at is null and skipped_at is null and last_error is not null)::int as retrying,
        exists (select 1 from outbound_mail where sent_at is null and skipped_at is null and created_at < now() - interval '1 hour')
          or exists (select 1 from notification_events where fanned_out_at is null and created_at < now() - interval '10 minutes') as stale`),
  );
  const base = { waitingEvents: Number(row?.events ?? 0), unsentMail: Number(row?.unsent ?? 0), retryingMail: Number(row?.retrying ?? 0) };
  return { status: !running ? "not running" : row?.stale ? "behind" : "ok", ...base };
}

/**
 * 200 when the database answers within the timeout, 503 otherwise. With `queueRunning`, the body
 * also tells the job queue's state (a queue not running or behind does not make the instance
 * unhealthy: requests are still served, and the work waits in the database).
 */
export async function checkHealth(getDb: () => Promise<Db>, timeoutMs = 3000, queueRunning?: () => Promise<boolean>) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const db = await getDb();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database timed out")), timeoutMs);
      }),
    ]);
    if (!queueRunning) return { status: 200, body: { status: "ok", db: "ok" } } as const;
    const queue = await queueHealth(db, await queueRunning());
    return { status: 200, body: { status: queue.status === "ok" ? "ok" : "degraded", db: "ok", queue } } as const;
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return { status: 503, body: { status: "error", db: "unreachable" }, retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_SECONDS } as const;
  } finally {
    clearTimeout(timer);
  }
}
