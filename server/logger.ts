import pino from "pino";

/**
 * Drizzle's query errors carry the statement's parameters, in `params` and in the message
 * ("Failed query: …\nparams: …"): addresses, names, password hashes. The log keeps the statement
 * and the database's own error, never the values.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const scrub = (node: unknown, depth: number): unknown => {
    if (!node || typeof node !== "object" || depth > 4) return node;
    const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    // Drizzle writes `params: ${params}` into the message; a value with line breaks (a comment, a
    // clause) runs over several lines, so the exact text is cut out first, then any single line left.
    const written = "params" in copy ? `\nparams: ${String(copy.params)}` : null;
    delete copy.params;
    delete copy.parameters;
    for (const key of ["message", "stack"] as const) {
      const value = copy[key];
      if (typeof value === "string") {
        const cut = written ? value.split(written).join("\nparams: [redacted]") : value;
        copy[key] = cut.replace(/\nparams: [^\n]*/g, "\nparams: [redacted]");
      }
    }
    if (copy.cause) copy.cause = scrub(copy.cause, depth + 1);
    return copy;
  };
  return scrub(serialized, 0);
}

// Structured JSON logs; request id, user id and procedure path are added per request (server/trpc.ts).
// What a log line may hold is listed on /privacy: ids, paths and errors, never passwords, tokens,
// addresses or the values a query was given.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "norms-forum" },
  serializers: { err: serializeError, error: serializeError },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token", "email", "*.email", "currentPassword", "*.currentPassword", "newPassword", "*.newPassword"],
});

export type Logger = typeof logger;
