import { z } from "zod";

// Strict: an extra field (say, another person's id) is refused, never read.
export const deleteAccountInput = z.strictObject({
  password: z.string().min(1, "Enter your current password.").max(200, "Password must be 200 characters or fewer."),
});
