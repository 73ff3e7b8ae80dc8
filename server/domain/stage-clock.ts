// The consultation clock (DESIGN.md, lifecycle): consultation and endorsement each run to a closing
// date set when the stage starts. Pure: no database, and the time is always passed in (from
// clock.now()), so every rule here is tested by choosing the instant.
//
// A stage closes at the end of a day in UTC: started on 1 December with 60 days, it is open until
// 24:00 UTC on 30 January, and closed from 00:00 UTC on 31 January. The stored instant
// (norms.stage_closes_at) is that first closed moment; what people read is the last open day.
import type { NormStatus, TimedStage } from "../schemas/vocabulary";

export const DAY_MS = 24 * 60 * 60 * 1000;

const startOfDayUtc = (at: Date) => Math.floor(at.getTime() / DAY_MS) * DAY_MS;

/** When a stage started at `start` closes when it runs `days` days: the end (UTC) of the day that many days after the start's. */
export const closesAtAfter = (start: Date, days: number) => new Date(startOfDayUtc(start) + (days + 1) * DAY_MS);

/** The stage's last open day, as a date in UTC (YYYY-MM-DD), for its closing instant. */
export const lastOpenDay = (closesAt: Date) => new Date(closesAt.getTime() - DAY_MS).toISOString().slice(0, 10);

/** The closing instant of a stage whose last open day is `day` (YYYY-MM-DD, UTC): 00:00 UTC the day after. */
export const closesAtEndOf = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);

/** Whole days from today (UTC) to the last open day: 0 when it closes tonight, negative once past. */
export const daysLeft = (closesAt: Date, now: Date) => Math.round((closesAt.getTime() - DAY_MS - startOfDayUtc(now)) / DAY_MS);

export const isTimedStage = (status: NormStatus): status is TimedStage => status === "consultation" || status === "endorsement";

/** Where a norm stands on the clock: its timed stage, when it closes, and whether it has. Null outside a timed stage. */
export interface StageClock {
  stage: TimedStage;
  closesAt: Date;
  /** The last open day, YYYY-MM-DD in UTC. */
  lastDay: string;
  /** Closed: the date has passed, and the norm awaits the secretariat's decision. */
  closed: boolean;
  daysLeft: number;
  /**
   * An endorsement stage opened sealed (sealed.ts): positions recorded during it are seen only by
   * their organisations until it closes, when they are all revealed. False for every other stage.
   */
  sealed: boolean;
}

export function stageClock(norm: { status: NormStatus; stageClosesAt: Date | null; stageSealed?: boolean }, now: Date): StageClock | null {
  if (!isTimedStage(norm.status) || !norm.stageClosesAt) return null;
  return {
    stage: norm.status,
    closesAt: norm.stageClosesAt,
    lastDay: lastOpenDay(norm.stageClosesAt),
    closed: norm.stageClosesAt.getTime() <= now.getTime(),
    daysLeft: daysLeft(norm.stageClosesAt, now),
    sealed: norm.status === "endorsement" && norm.stageSealed === true,
  };
}

/** A row read with its norm's status and closing date (and sealing), those replaced by where the norm stands on the clock at `now`. */
export function withStage<T extends { status: NormStatus; stageClosesAt: Date | null; stageSealed?: boolean }>(
  row: T,
  now: Date,
): Omit<T, "stageClosesAt" | "stageSealed"> & { stage: StageClock | null } {
  const { stageClosesAt, stageSealed, ...rest } = row;
  return { ...rest, stage: stageClock({ status: row.status, stageClosesAt, stageSealed }, now) };
}

/** Whether the norm's timed stage has reached its closing date at `now` (false outside a timed stage). */
export const stageHasClosed = (norm: { status: NormStatus; stageClosesAt: Date | null }, now: Date) => stageClock(norm, now)?.closed ?? false;

const closedWords: Record<TimedStage, string> = {
  consultation: "Consultation on this norm closed on its date and it awaits the secretariat's decision",
  endorsement: "The endorsement stage of this norm closed on its date and it awaits the secretariat's decision",
};

/** Why a write the stage allowed is refused once it has closed, in plain words. */
export function stageClosedRefusal(stage: TimedStage, what: "comments" | "revisions" | "positions" | "amendments") {
  const tail = {
    comments: "new comments and edits are closed",
    revisions: "its text can no longer be revised",
    positions: "positions can no longer be recorded or changed",
    amendments: "amendments can no longer be proposed or supported",
  }[what];
  return `${closedWords[stage]}: ${tail}.`;
}

/**
 * Whether a closing date the secretariat chose (its last open day) is allowed for a stage starting
 * or running at `now`: not before today plus the stage's minimum, and within a year.
 * Null when it is; otherwise why not.
 */
export function closingDayRefusal(day: string, now: Date, minimumDays: number): string | null {
  const closesAt = closesAtEndOf(day);
  if (Number.isNaN(closesAt.getTime())) return "Enter a real date.";
  const earliest = closesAtAfter(now, minimumDays);
  if (closesAt < earliest) return `The stage must run at least ${minimumDays} days: choose ${lastOpenDay(earliest)} or later.`;
  if (closesAt > closesAtAfter(now, 366)) return "Choose a date within a year.";
  return null;
}
