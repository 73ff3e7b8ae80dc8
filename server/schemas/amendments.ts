import { z } from "zod";
import { wholeNumber } from "./numbers";
import { amendmentKinds } from "./vocabulary";

const rationale = z
  .string()
  .trim()
  .min(20, "Explain why the clause should change (at least 20 characters).")
  .max(4000, "The rationale must be 4,000 characters or fewer.");

/**
 * An amendment to one clause of the norm's current version: new words for it (replace), a new
 * clause after it (insert), or its removal (delete, which takes no text).
 */
export const proposeAmendmentInput = z
  .strictObject({
    normId: z.uuid(),
    // The version the proposer was reading: refused if the text has moved on since.
    baseVersion: wholeNumber("The version"),
    clause: wholeNumber("The clause number"),
    kind: z.enum(amendmentKinds, { error: "Choose whether to replace the clause, insert a clause after it, or delete it." }),
    text: z.string().trim().max(5000, "A clause must be 5,000 characters or fewer.").default(""),
    rationale,
    organizationId: z.uuid().nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "delete" && v.text === "") {
      ctx.addIssue({ code: "custom", path: ["text"], message: v.kind === "insert" ? "Write the clause to insert." : "Write the clause's new words." });
    }
  })
  // A deletion carries no words, whatever the form sent.
  .transform((v) => (v.kind === "delete" ? { ...v, text: "" } : v));

export const amendmentRef = z.strictObject({ amendmentId: z.uuid() });

/** Support in one's own name (no organisation) or for an organisation one represents. */
export const supportAmendmentInput = z.strictObject({
  amendmentId: z.uuid(),
  organizationId: z.uuid().nullable().optional(),
  // false withdraws that support.
  support: z.boolean().default(true),
});

export const declineAmendmentInput = z.strictObject({
  amendmentId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(20, "Say why the amendment is declined (at least 20 characters): the reason is published with it.")
    .max(2000, "The reason must be 2,000 characters or fewer."),
});

export const acceptAmendmentInput = z.strictObject({
  amendmentId: z.uuid(),
  // Optional words for the version's change summary; without them it names the amendment.
  note: z.string().trim().max(500, "The note must be 500 characters or fewer.").default(""),
});

export const normAmendmentsInput = z.strictObject({ slug: z.string().min(1).max(120) });
export const amendmentInput = z.strictObject({ slug: z.string().min(1).max(120), number: wholeNumber("The amendment number") });
