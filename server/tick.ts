// The forum's scheduled work, as one "tick" that works out what is due from clock.now(): closing
// the timed stages whose date has passed, the representation sweep (reminders 30 and 7 days before
// a representation must be reconfirmed, and the lapses whose date has passed), the reminders of
// deadlines (./notifications/scheduled.ts) and the digests due (./notifications/digests.ts). The job
// queue runs it on its schedule (./notifications/queue.ts); tests call it, never wait for a timer.
import type { Db } from "~/db/connect";
import { clock } from "./clock";
import { sweepRepresentation } from "./domain/nominations";
import { closeDueStages } from "./domain/stage-close";
import type { Mailer } from "./mail";
import { queueDigests } from "./notifications/digests";
import { writeDueReminders } from "./notifications/scheduled";

export interface TickResult {
  at: string;
  /** The norms whose stage was recorded as closed by this tick. */
  stagesClosed: number;
  /** Representations reminded of their reconfirmation date, and lapsed, by this tick. */
  representativesReminded: number;
  representationsLapsed: number;
  /** Deadline and stock-take reminders written to the outbox. */
  remindersWritten: number;
  /** Digest mails written, for the queue to send. */
  digestMailIds: string[];
}

export async function runTick(db: Db, mailer: Mailer): Promise<TickResult> {
  const now = clock.now();
  const closed = await closeDueStages(db, now);
  const representation = await sweepRepresentation(db, mailer, now);
  const remindersWritten = await writeDueReminders(db, now);
  const digestMailIds = await queueDigests(db, now);
  return {
    at: now.toISOString(),
    stagesClosed: closed.length,
    representativesReminded: representation.reminded,
    representationsLapsed: representation.lapsed,
    remindersWritten,
    digestMailIds,
  };
}
