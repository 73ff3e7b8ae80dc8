// What end-to-end tests may do to the running app, and only with TEST_CLOCK=1 (server/test-clock.ts),
// from this machine: set the forum's clock and run the tick. Otherwise the procedures do not exist,
// as far as anyone can tell.
import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { normEvents, norms, notificationEvents, outboundMail, publicGeneration } from "~/db/schema";
import { clock, setClock } from "../clock";
import { notFound } from "../errors";
import type { setClockInput } from "../schemas/testing";
import { isLoopbackAddress, testClockEnabled } from "../test-clock";
import type { Mailer } from "../mail";
import { runTick } from "../tick";
import { deliverNow } from "../notifications/deliver";
import { runningQueue } from "../notifications/worker";
import { undoLapsesAfter } from "./nominations";

const refuseUnlessTesting = (address: string | null) => {
  if (!testClockEnabled() || !isLoopbackAddress(address)) throw notFound("This procedure");
};

/**
 * Runs the tick now, for a call from this machine with TEST_CLOCK on: its digests go on this
 * process's queue and the fan-out is woken, as on the schedule; with no queue running, they are
 * delivered here.
 */
export async function tickNow(db: Db, mailer: Mailer, address: string | null) {
  refuseUnlessTesting(address);
  const result = await runTick(db, mailer);
  const queue = await runningQueue();
  if (queue) {
    await queue.enqueueMail(result.digestMailIds);
    await queue.nudge();
  } else await deliverNow(db, mailer);
  return { ...result, digestMailIds: result.digestMailIds.length };
}

/**
 * Sets the clock, for a call from this machine (`address`, as server.ts established it) with
 * TEST_CLOCK on. A clock moved back (a test putting it back when done) also takes back the closes
 * the tick recorded after the new time, so one test's trip into the future leaves the next test
 * the forum as it stands at its own time. Only tests move a clock backwards.
 */
export async function setForumClock(db: Db, address: string | null, input: z.output<typeof setClockInput>) {
  refuseUnlessTesting(address);
  const before = clock.nowMs();
  setClock(input.at === null ? null : new Date(input.at), { stopped: input.stopped });
  const now = clock.now();
  await db.transaction(async (tx) => {
    if (now.getTime() < before) {
      await tx.delete(normEvents).where(and(eq(normEvents.type, "stageClosed"), gt(normEvents.createdAt, now)));
      await tx.update(norms).set({ stageClosedAt: null }).where(and(isNotNull(norms.stageClosedAt), gt(norms.stageClosedAt, now)));
      // And the representations that lapsed after it (and the reminders sent after it).
      await undoLapsesAfter(tx, now);
      // And the events written after it (deadline reminders dated in the future), with their
      // notifications, and the mail written after it (a digest of a future day).
      await tx.delete(notificationEvents).where(gt(notificationEvents.createdAt, now));
      await tx.delete(outboundMail).where(gt(outboundMail.createdAt, now));
    }
    // Pages cached at the old time may show what is not so at the new one: none is served again.
    await tx.update(publicGeneration).set({ generation: sql`${publicGeneration.generation} + 1` }).where(eq(publicGeneration.id, 1));
  });
  return { now: now.toISOString() };
}
