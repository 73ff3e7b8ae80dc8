import { z } from "zod";

const section = (what: string) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(1, `Write ${what}.`)
    .max(8000, `${what[0]!.toUpperCase()}${what.slice(1)} must be 8,000 characters or fewer.`);

/** An administrator's new revision of /about/governance: the three sections, and what changed. */
export const publishGovernanceInput = z.strictObject({
  secretariat: section("who runs the secretariat"),
  appointments: section("how staff are appointed"),
  funding: section("the funding and partners"),
  summary: z
    .string({ error: "Say what changed." })
    .trim()
    .min(10, "Say in a sentence what changed (at least 10 characters).")
    .max(500, "The summary must be 500 characters or fewer."),
});

export const governanceRevisionInput = z.strictObject({
  number: z.coerce.number({ error: "Choose a revision by its number." }).int("Choose a revision by its number.").min(1, "Choose a revision by its number.").max(1_000_000, "Choose a revision by its number."),
});
