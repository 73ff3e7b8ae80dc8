// A textarea of one entry per line (sources, links, outside actors), for the forms' server actions.
import { z } from "zod";

/**
 * Checks a textarea of one entry per line with the procedure's own array schema; an error names the
 * line it is about.
 */
export function linesOf(schema: z.ZodType<string[]>, lineError: (value: string, message: string) => string) {
  return z.string().transform((text, ctx) => {
    const list = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const result = schema.safeParse(list);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const at = issue.path[0];
    ctx.addIssue({ code: "custom", message: typeof at === "number" && list[at] !== undefined ? lineError(list[at], issue.message) : issue.message });
    return z.NEVER;
  });
}

/** Splits a stored list back into the textarea's lines. */
export const toLines = (list: readonly string[]) => list.join("\n");
