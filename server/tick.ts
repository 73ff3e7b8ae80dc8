// The forum's scheduled work, as one "tick" that works out what is due from clock.now(): closing
// the timed stages whose date has passed, and the representation sweep (reminders 30 and 7 days
// before a representation must be reconfirmed, and the lapses whose date has passed). The server
// runs it every TICK_SECONDS (instrumentation-node.ts); tests call it, never wait for a timer.
import type { Db } from "~/db/connect";
import { clock } from "./clock";
import { sweepRepresentation } from "./domain/nominations";
import { closeDueStages } from "./domain/stage-close";
import type { Mailer } from "./mail";

export interface TickResult {
  at: string;
  /** The norms whose stage was recorded as closed by this tick. */
  stagesClosed: number;
  /** Representations reminded of their reconfirmation date, and lapsed, by this tick. */
  representativesReminded: number;
  representationsLapsed: number;
}

export async function runTick(db: Db, mailer: Mailer): Promise<TickResult> {
  const now = clock.now();
  const closed = await closeDueStages(db, now);
  const representation = await sweepRepresentation(db, mailer, now);
  return { at: now.toISOString(), stagesClosed: closed.length, representativesReminded: representation.reminded, representationsLapsed: representation.lapsed };
}
