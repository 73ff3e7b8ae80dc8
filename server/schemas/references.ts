import { z } from "zod";
import { categoryCodes } from "./vocabulary";

export const referenceNormIdInput = z.strictObject({
  id: z.string().trim().min(1, "Enter a reference norm id.").max(100, "That id is too long."),
});

const optionalFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const listForumsInput = z.strictObject({
  kind: optionalFilter(50),
  party: optionalFilter(200),
});

// An admin's correction of a reference norm: its text and/or its categories, always with a reason.
export const correctReferenceNormInput = z.strictObject({
  id: referenceNormIdInput.shape.id,
  text: z.string().trim().min(1, "Enter the norm's text.").max(5000, "The text must be 5,000 characters or fewer.").optional(),
  categories: z
    .array(z.enum(categoryCodes, "Choose categories from I to V."))
    .min(1, "Choose at least one category.")
    .max(categoryCodes.length)
    .optional(),
  reason: z.string().trim().min(1, "Give the reason for the correction.").max(1000, "The reason must be 1,000 characters or fewer."),
});
