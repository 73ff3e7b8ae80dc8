import { z } from "zod";
import { clock } from "~/server/clock";

/** The end of a calendar day in UTC: a suspension "until 12 May" lasts all of 12 May. */
export const endOfDayUtc = (day: string) => new Date(`${day}T23:59:59.999Z`);

/**
 * A suspension's end as a date input gives it (YYYY-MM-DD, or empty for "until lifted"), checked
 * and turned into the end of that day in UTC, or null.
 */
export const suspensionEndField = (messages: { invalid: string; past: string }) =>
  z
    .string()
    .refine((v) => v === "" || !Number.isNaN(endOfDayUtc(v).getTime()), messages.invalid)
    .refine((v) => v === "" || endOfDayUtc(v) > clock.now(), messages.past)
    .transform((v) => (v === "" ? null : endOfDayUtc(v)));
