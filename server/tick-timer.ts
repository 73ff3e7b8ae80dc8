import "server-only";
// Runs the tick (server/tick.ts) every TICK_SECONDS on this instance, started once by
// instrumentation.ts as the server starts. Several instances may all run it: each close is decided
// under the norm's lock, and one already recorded is skipped.
import { env } from "~/env.js";
import { getDb } from "~/db/client";
import { getMailer } from "./mailer";
import { logger } from "./logger";
import { runTick } from "./tick";

const started = Symbol.for("norms-forum.tick-timer");
type WithTimer = typeof globalThis & { [started]?: boolean };

export function startTickTimer() {
  const holder = globalThis as WithTimer;
  if (env.TICK_SECONDS === 0 || holder[started]) return;
  holder[started] = true;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runTick(await getDb(), getMailer());
      if (result.stagesClosed + result.representativesReminded + result.representationsLapsed > 0) logger.info(result, "tick: work done");
    } catch (error) {
      logger.warn({ err: error }, "tick failed; it runs again at the next interval");
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), env.TICK_SECONDS * 1000).unref();
}
