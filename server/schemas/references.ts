import { z } from "zod";

export const referenceNormIdInput = z.object({
  id: z.string().trim().min(1, "Enter a reference norm id.").max(100, "That id is too long."),
});

const optionalFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const listForumsInput = z.object({
  kind: optionalFilter(50),
  party: optionalFilter(200),
});
