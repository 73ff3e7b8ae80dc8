// Keyset page links: the last row's keys as base64url JSON. Decoded and checked against a shape
// here; anything else is refused with one plain message, never a 500.
import { z } from "zod";

export const invalidCursor = "This page link is not valid; start from the first page.";

/** A page-link field that decodes to `shape`'s output. */
export function jsonCursor<S extends z.ZodType>(shape: S, maxLength = 500) {
  return z
    .string()
    .max(maxLength, invalidCursor)
    .transform((raw, ctx): z.output<S> => {
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
      } catch {
        json = undefined;
      }
      const parsed = shape.safeParse(json);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: invalidCursor });
      return z.NEVER;
    });
}

export const encodeJsonCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
