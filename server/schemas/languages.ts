import { z } from "zod";

/** Sentences a form's own check wrote in English (app/_components/form.tsx), to be given in the page's language. */
export const serverTextInput = z.strictObject({
  texts: z
    .array(z.string().max(2000, "Each message must be 2,000 characters or fewer."))
    .min(1, "Send at least one message.")
    .max(50, "Send at most 50 messages at a time."),
});
