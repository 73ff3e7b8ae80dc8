// What end-to-end tests may do to the running app, and only with TEST_CLOCK=1 (server/test-clock.ts),
// from this machine: set the forum's clock and run the tick. Otherwise the procedure does not exist, as far as
// anyone can tell.
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { runTick } from "../tick";
import { clock, setClock } from "../clock";
import { notFound } from "../errors";
import type { setClockInput } from "../schemas/testing";
import { isLoopbackAddress, testClockEnabled } from "../test-clock";

/** Runs the tick now, for a call from this machine with TEST_CLOCK on. */
export async function tickNow(db: Db, address: string | null) {
  if (!testClockEnabled() || !isLoopbackAddress(address)) throw notFound("This procedure");
  return runTick(db);
}

/** Sets the clock, for a call from this machine (`address`, as server.ts established it) with TEST_CLOCK on. */
export function setForumClock(address: string | null, input: z.output<typeof setClockInput>) {
  if (!testClockEnabled() || !isLoopbackAddress(address)) throw notFound("This procedure");
  setClock(input.at === null ? null : new Date(input.at), { stopped: input.stopped });
  return { now: clock.now().toISOString() };
}
