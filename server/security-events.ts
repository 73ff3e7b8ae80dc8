import { type Logger, logger } from "./logger";

// Security events, logged as one line each with `security: <event>` so they can be found and
// alerted on (docs/operations.md): sign-ins and their refusals, requests refused for lack of a
// session or permission, and limits reached. They name people by id only, never by address or
// email, and carry no client address (see /privacy).

export type SecurityEvent =
  | "sign_in.succeeded"
  | "sign_in.failed"
  | "sign_in.refused"
  | "request.unauthenticated"
  | "request.forbidden"
  | "request.rate_limited";

type Fields = Record<string, string | number | boolean | null | undefined>;
type Listener = (event: SecurityEvent, fields: Fields) => void;
const listeners = new Set<Listener>();

/** Subscribes to security events as they are logged (tests, metrics); returns the unsubscribe. */
export function onSecurityEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function securityEvent(event: SecurityEvent, fields: Fields = {}, log: Logger = logger) {
  const level = event === "sign_in.succeeded" ? "info" : "warn";
  log[level]({ security: event, ...fields }, event);
  for (const listener of listeners) listener(event, fields);
}
