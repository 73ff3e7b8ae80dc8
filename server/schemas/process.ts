import { z } from "zod";
import { timedStages } from "./vocabulary";

const days = (what: string) =>
  z.coerce
    .number({ error: `Enter the ${what} as a number of days.` })
    .int(`Enter the ${what} as a whole number of days.`)
    .min(1, `The ${what} must be at least 1 day.`)
    .max(365, `The ${what} must be 365 days or fewer.`);

/** An admin's change to how long a timed stage runs: its default and its minimum, with the reason. */
export const changeProcessSettingInput = z
  .strictObject({
    stage: z.enum(timedStages, { error: "Choose consultation or endorsement." }),
    defaultDays: days("default length"),
    minimumDays: days("minimum length"),
    reason: z.string().trim().min(10, "Say in a sentence why the rule changes (at least 10 characters).").max(2000, "Reason must be 2,000 characters or fewer."),
  })
  .refine((v) => v.defaultDays >= v.minimumDays, { path: ["defaultDays"], message: "The default length cannot be shorter than the minimum." });

/** A stage's last open day, as the secretariat picks it (YYYY-MM-DD, UTC). */
export const closingDay = z
  .string({ error: "Enter the last day the stage is open." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as year, month and day, e.g. 2027-01-30.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "Enter a real date.");

/** The secretariat moves a stage's closing date later (reopening it if it had closed), always with a reason. */
export const extendStageInput = z.strictObject({
  normId: z.uuid(),
  lastDay: closingDay,
  reason: z.string().trim().min(10, "Say why the stage is extended (at least 10 characters).").max(2000, "Reason must be 2,000 characters or fewer."),
});
