import "server-only";
// This process's job queue, started once as the server starts (instrumentation.ts) and kept on
// globalThis (dev reloads do not start a second one). TICK_SECONDS sets the tick's schedule, in whole
// minutes (pg-boss's cron), 0 turning it off (tests run the tick themselves).
import { env } from "~/env.js";
import { getDatabase } from "~/db/client";
import { logger } from "../logger";
import { getMailer } from "../mailer";
import { type JobQueue, startJobQueue } from "./queue";

const key = Symbol.for("norms-forum.job-queue");
type Holder = typeof globalThis & { [key]?: Promise<JobQueue | null> };

export function tickCron(seconds: number): string | null {
  if (seconds === 0) return null;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`;
}

/** Starts the queue (once); a failure is logged and retried at the next call. */
export function startWorkers(): Promise<JobQueue | null> {
  const holder = globalThis as Holder;
  holder[key] ??= (async () => {
    try {
      const queue = await startJobQueue(await getDatabase(), getMailer(), { tickCron: tickCron(env.TICK_SECONDS), retryDelaySeconds: env.MAIL_RETRY_SECONDS });
      logger.info("job queue started");
      return queue;
    } catch (error) {
      logger.error({ err: error }, "job queue did not start; notifications wait in the outbox");
      holder[key] = undefined;
      return null;
    }
  })();
  return holder[key];
}

/** The running queue, if this process started one. */
export function runningQueue(): Promise<JobQueue | null> {
  return (globalThis as Holder)[key] ?? Promise.resolve(null);
}
