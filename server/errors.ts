// The few kinds of failure domain code may raise. The tRPC error formatter (server/trpc.ts) maps
// each to one tRPC code; the message is written for the person who caused it.

export type AppErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_STATE"
  | "RATE_LIMITED"
  | "BAD_INPUT";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Field-level messages for forms, keyed by input field name. */
    readonly fieldErrors?: Record<string, string>,
    readonly retryAfterSeconds?: number,
    /** Structured detail for the client, e.g. what changed in an editing conflict. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthorized = (message = "Sign in to do this.") => new AppError("UNAUTHORIZED", message);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("FORBIDDEN", message);
export const notFound = (what = "That item") => new AppError("NOT_FOUND", `${what} was not found.`);
export const conflict = (message: string, fieldErrors?: Record<string, string>, details?: unknown) =>
  new AppError("CONFLICT", message, fieldErrors, undefined, details);
export const invalidState = (message: string) => new AppError("INVALID_STATE", message);
export const badInput = (message: string, fieldErrors?: Record<string, string>) =>
  new AppError("BAD_INPUT", message, fieldErrors);
export const rateLimited = (retryAfterSeconds: number, message?: (wait: string) => string) =>
  new AppError(
    "RATE_LIMITED",
    message ? message(formatWait(retryAfterSeconds)) : `Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`,
    undefined,
    retryAfterSeconds,
  );

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** PostgreSQL's SQLSTATE of a driver error, which Drizzle wraps in `cause`. */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const c = current as { constraint?: unknown; constraint_name?: unknown };
    const name = c.constraint ?? c.constraint_name;
    if (typeof name === "string") return name;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

// SQLSTATE classes and postgres.js codes that mean the database cannot be reached or refused to
// serve (shutting down, starting up, too many connections, a statement timeout), not that the
// request was wrong: the answer is 503 with Retry-After, and the pool reconnects by itself.
const unavailableStates = new Set(["57P01", "57P02", "57P03", "53300", "57014", "08000", "08001", "08003", "08004", "08006"]);
const unavailableDriverCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

/** Whether this error means the database is (for now) unavailable rather than the request bad. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (unavailableStates.has(code) || unavailableDriverCodes.has(code))) return true;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
