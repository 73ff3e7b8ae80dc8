// The forum's durable job queue: pg-boss 10 on the forum's own database (PostgreSQL through its own
// small pool; the embedded PGlite through this process's connection: see db/connect.ts). Three
// queues:
// - forum-tick: the scheduled work (server/tick.ts), put on the queue by pg-boss's cron once per
//   interval across all instances; what is due is decided from clock.now();
// - notification-fan-out: turns waiting outbox events into notifications and immediate mail; woken
//   after an event is written, and after every tick;
// - notification-mail: sends one outbound mail, retried with backoff when the SMTP server refuses;
// - stocktake-report-pdfs: renders the published report's PDF in the languages it still lacks
//   (server/domain/stocktake-report-pdfs.ts); woken when a revision is published, at start and
//   after every tick, so earlier revisions and a rendering that failed are caught up.
// Any number of instances may run workers: pg-boss hands a job to one of them, and the mail's claim
// (./send.ts) keeps a retry or a second instance from sending it twice.
import PgBoss from "pg-boss";
import type { Database, Db } from "~/db/connect";
import { logger } from "../logger";
import type { Mailer } from "../mail";
import { onRevisionPublished, renderMissingReportPdfs } from "../domain/stocktake-report-pdfs";
import { renderReportPdfInWorker } from "../stocktake-pdf/in-worker";
import { runTick } from "../tick";
import { onEventWritten } from "./events";
import { fanOutAll } from "./fan-out";
import { sendOutboundMail } from "./send";

export const QUEUE_NAMES = { tick: "forum-tick", fanOut: "notification-fan-out", mail: "notification-mail", reportPdfs: "stocktake-report-pdfs" } as const;

export interface JobQueueOptions {
  /** Schedule the tick (a cron expression); null: no schedule (tests call the tick themselves). */
  tickCron: string | null;
  /** Seconds before the first retry of a refused mail; later retries wait longer (backoff). */
  retryDelaySeconds?: number;
  retryLimit?: number;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
  /** Pool size on PostgreSQL. */
  max?: number;
}

export interface JobQueue {
  boss: PgBoss;
  /** Puts mails on the queue to be sent. */
  enqueueMail(ids: string[]): Promise<void>;
  /** Wakes the fan-out (at most one waiting fan-out job at a time). */
  nudge(): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobQueue(database: Database, mailer: Mailer, options: JobQueueOptions): Promise<JobQueue> {
  const db: Db = database.db;
  const boss = new PgBoss({
    ...database.queueConnection,
    ...(database.kind === "postgres" ? { max: options.max ?? 3 } : {}),
    application_name: "norms-forum-queue",
    schema: "pgboss",
    supervise: true,
    schedule: options.tickCron !== null,
    migrate: true,
  });
  boss.on("error", (error) => logger.warn({ err: error }, "job queue error"));
  await boss.start();
  const retry = { retryLimit: options.retryLimit ?? 8, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true };
  // "short": at most one job waits; a nudge while one waits adds nothing.
  // A job whose worker died is handed out again after expireInSeconds (the mail's own claim lasts 2 minutes).
  await boss.createQueue(QUEUE_NAMES.tick, { name: QUEUE_NAMES.tick, policy: "short", expireInSeconds: 600 });
  await boss.createQueue(QUEUE_NAMES.fanOut, { name: QUEUE_NAMES.fanOut, policy: "short", retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 });
  await boss.createQueue(QUEUE_NAMES.mail, { name: QUEUE_NAMES.mail, policy: "standard", ...retry, expireInSeconds: 150 });
  // A large report takes some seconds a language; the job stores each PDF as it is rendered.
  await boss.createQueue(QUEUE_NAMES.reportPdfs, { name: QUEUE_NAMES.reportPdfs, policy: "short", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 1800 });

  const enqueueMail = async (ids: string[]) => {
    for (let i = 0; i < ids.length; i += 1000) {
      await boss.insert(ids.slice(i, i + 1000).map((id) => ({ name: QUEUE_NAMES.mail, data: { id }, ...retry, expireInSeconds: 150 })));
    }
  };
  const nudge = async () => {
    await boss.send(QUEUE_NAMES.fanOut, {});
  };
  const renderReports = async () => {
    await boss.send(QUEUE_NAMES.reportPdfs, {});
  };
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  await boss.work(QUEUE_NAMES.fanOut, polling, async () => {
    const result = await fanOutAll(db);
    await enqueueMail(result.mailIds);
    if (result.events > 0) logger.info({ events: result.events, notifications: result.notifications, mails: result.mailIds.length }, "notifications fanned out");
  });
  // Mail in batches: pg-boss's worker waits out its polling interval after each fetch, so one job
  // per fetch would send one mail per interval. Each mail succeeds or fails on its own (a refused one
  // goes back for a retry with backoff), and a full batch wakes the worker at once for the next.
  const MAIL_BATCH = 20;
  const mailWorker: string = await boss.work<{ id: string }>(QUEUE_NAMES.mail, { ...polling, batchSize: MAIL_BATCH }, async (jobs) => {
    for (const job of jobs) {
      try {
        await sendOutboundMail(db, mailer, job.data.id);
      } catch (error) {
        await boss.fail(QUEUE_NAMES.mail, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (jobs.length === MAIL_BATCH) boss.notifyWorker(mailWorker);
  });
  await boss.work(QUEUE_NAMES.reportPdfs, polling, async () => {
    const result = await renderMissingReportPdfs(db, renderReportPdfInWorker);
    if (result.rendered.length) logger.info({ pdfs: result.rendered.map((r) => `${r.year} r${r.revision} ${r.language}`) }, "report PDFs rendered");
  });
  await boss.work(QUEUE_NAMES.tick, polling, async () => {
    const result = await runTick(db, mailer);
    await enqueueMail(result.digestMailIds);
    await nudge();
    await renderReports();
    if (result.stagesClosed + result.representativesReminded + result.representationsLapsed + result.remindersWritten + result.digestMailIds.length > 0) {
      logger.info({ ...result, digestMailIds: result.digestMailIds.length }, "tick: work done");
    }
  });
  if (options.tickCron) await boss.schedule(QUEUE_NAMES.tick, options.tickCron);
  else await boss.unschedule(QUEUE_NAMES.tick);

  // An event written by a request wakes the fan-out, a little later (several writes, one wake-up).
  let pending: NodeJS.Timeout | undefined;
  const unlisten = onEventWritten(() => {
    pending ??= setTimeout(() => {
      pending = undefined;
      nudge().catch((error: unknown) => logger.warn({ err: error }, "could not wake the fan-out; the next tick will"));
    }, 50);
  });
  // A published revision's other languages, once its transaction has committed; and at start, any
  // that earlier revisions lack.
  const unlistenPublished = onRevisionPublished(() => {
    renderReports().catch((error: unknown) => logger.warn({ err: error }, "could not queue the report's PDFs; the next tick will"));
  });
  await renderReports();
  return {
    boss,
    enqueueMail,
    nudge,
    async stop() {
      unlisten();
      unlistenPublished();
      clearTimeout(pending);
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
