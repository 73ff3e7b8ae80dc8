import { z } from "zod";

/** Where to set the forum's clock (end-to-end tests with TEST_CLOCK=1): an instant, or null for the system's time. */
export const setClockInput = z.strictObject({
  at: z.iso.datetime({ offset: true, error: "Give the time as an ISO 8601 date and time, e.g. 2027-01-30T12:00:00Z." }).nullable(),
  stopped: z.boolean().default(false),
});
