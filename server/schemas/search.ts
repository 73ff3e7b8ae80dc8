import { z } from "zod";

export const searchInput = z.strictObject({
  q: z.string().trim().min(2, "Enter at least two characters.").max(200, "Enter at most 200 characters."),
});
