// The forum's one clock. Business time (a stage's closing date, a stock-take window, when a comment
// was posted, when a link expires, what is due at the next tick) comes from here, never from
// `new Date()` scattered through the code or from the database's now(): rules that depend on time
// are tested by setting this clock, never by waiting.
//
// In production it is the system clock. Unit tests set it with setClock; end-to-end tests run the
// app with TEST_CLOCK=1 and set it through the `testing.setClock` procedure, which exists only then
// (server.ts refuses TEST_CLOCK=1 unless the app listens on loopback alone). The setting lives on
// globalThis, so server.ts and the app's bundle, which load this module separately, read one clock.
// Loaded by server.ts before the app: no imports from the app.

/** Where the clock stands: the system's time, or moved to another instant and running on from it, or stopped there. */
type Setting = { kind: "system" } | { kind: "moved"; offsetMs: number } | { kind: "stopped"; at: number };

const settingKey = Symbol.for("norms-forum.clock");
type WithClock = typeof globalThis & { [settingKey]?: Setting };
const holder = globalThis as WithClock;

const setting = (): Setting => holder[settingKey] ?? { kind: "system" };

/** Milliseconds since the epoch, now, by the forum's clock. */
export function nowMs(): number {
  const s = setting();
  if (s.kind === "stopped") return s.at;
  return s.kind === "moved" ? Date.now() + s.offsetMs : Date.now();
}

/** The instant now, by the forum's clock. */
export const now = (): Date => new Date(nowMs());

export const clock = { now, nowMs };

/**
 * Sets the clock (tests only): to `at`, running on from there, or stopped at it with `stopped`;
 * `null` puts it back on the system's time.
 */
export function setClock(at: Date | null, options: { stopped?: boolean } = {}) {
  if (at === null) {
    delete holder[settingKey];
    return;
  }
  if (Number.isNaN(at.getTime())) throw new RangeError("setClock: not a valid date");
  holder[settingKey] = options.stopped ? { kind: "stopped", at: at.getTime() } : { kind: "moved", offsetMs: at.getTime() - Date.now() };
}

/** Moves the clock on by `ms` (tests only), keeping whether it runs or is stopped. */
export function advanceClock(ms: number) {
  const s = setting();
  if (s.kind === "stopped") holder[settingKey] = { kind: "stopped", at: s.at + ms };
  else holder[settingKey] = { kind: "moved", offsetMs: (s.kind === "moved" ? s.offsetMs : 0) + ms };
}

/** Whether the clock is set away from the system's time. */
export const clockIsSet = () => setting().kind !== "system";
