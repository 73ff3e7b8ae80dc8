import pino from "pino";

// Structured JSON logs; request id, user id and procedure path are added per request (server/trpc.ts).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "norms-forum" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"],
});

export type Logger = typeof logger;
