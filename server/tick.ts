// The forum's scheduled work, as one "tick" that works out what is due from clock.now(): today,
// closing the timed stages whose date has passed (later: reminders, digests). The server runs it
// every TICK_SECONDS (instrumentation-node.ts); tests call it, never wait for a timer.
import type { Db } from "~/db/connect";
import { clock } from "./clock";
import { closeDueStages } from "./domain/stage-close";

export interface TickResult {
  at: string;
  /** The norms whose stage was recorded as closed by this tick. */
  stagesClosed: number;
}

export async function runTick(db: Db): Promise<TickResult> {
  const now = clock.now();
  const closed = await closeDueStages(db, now);
  return { at: now.toISOString(), stagesClosed: closed.length };
}
