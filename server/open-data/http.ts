// What every open-data response shares: headers, the error body, and reading query parameters.
import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { AppError, isDatabaseUnavailable, RETRY_AFTER_UNAVAILABLE_SECONDS } from "../errors";
import { logger } from "../logger";
import { PG_INT_MAX } from "../schemas/numbers";
import type { ApiError } from "./schemas";
import { LICENSE } from "./urls";

/** Headers on every response: anyone may read it from any origin, briefly cached, licensed. */
export function openDataHeaders(status: number, extra: Record<string, string> = {}) {
  return {
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": status >= 500 ? "no-store" : "public, max-age=60",
    Link: `<${LICENSE.url}>; rel="license"`,
    ...extra,
  };
}

export function jsonResponse(body: unknown, status = 200) {
  return Response.json(body, { status, headers: openDataHeaders(status) });
}

/** A problem with the request's parameters, found before any procedure ran. */
export class ParameterError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("Check the parameters.");
  }
}

function errorBody(message: string, fieldErrors: Record<string, string> = {}): ApiError {
  return { error: { message, fieldErrors } };
}

function fieldErrorsOf(cause: unknown): Record<string, string> {
  if (cause instanceof ZodError) {
    return Object.fromEntries(
      Object.entries(z.flattenError(cause).fieldErrors).map(([k, v]) => [k, (v as string[] | undefined)?.[0] ?? "Not valid."]),
    );
  }
  if (cause instanceof AppError) return cause.fieldErrors ?? {};
  return {};
}

/** TRPC codes to HTTP: not found and bad input are the caller's; anything else is ours. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ParameterError) return jsonResponse(errorBody(error.message, error.fieldErrors), 400);
  if (error instanceof TRPCError && error.code === "NOT_FOUND") return jsonResponse(errorBody(error.message), 404);
  if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
    const message = error.cause instanceof ZodError ? "Check the query parameters." : error.message;
    return jsonResponse(errorBody(message, fieldErrorsOf(error.cause)), 400);
  }
  if (isDatabaseUnavailable(error) || (error instanceof TRPCError && error.code === "SERVICE_UNAVAILABLE")) {
    return Response.json(errorBody("The forum is briefly unavailable. Please try again in a few seconds."), {
      status: 503,
      headers: openDataHeaders(503, { "Retry-After": String(RETRY_AFTER_UNAVAILABLE_SECONDS) }),
    });
  }
  logger.error({ err: error }, "open-data request failed");
  return jsonResponse(errorBody("Something went wrong on our side. Please try again later."), 500);
}

/** Runs a responder and turns whatever it throws into a JSON error response. */
export async function respond(produce: () => Promise<Response>): Promise<Response> {
  try {
    return await produce();
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Query parameters as a procedure's raw input: each at most once, none unknown (so a misspelt
 * filter is refused rather than silently ignored), empty ones dropped, whole numbers as numbers.
 * The procedure's own zod schema then validates the values.
 */
export function readQuery(params: URLSearchParams, allowed: readonly string[], numeric: readonly string[] = []) {
  const input: Record<string, string | number> = {};
  const fieldErrors: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    if (!allowed.includes(name)) fieldErrors[name] = `Unknown parameter; use ${allowed.join(", ")}.`;
    else if (values.length > 1) fieldErrors[name] = "Give this parameter once.";
    else {
      const value = (values[0] ?? "").trim();
      if (value === "") continue;
      // Any whole number, however large or negative, so the procedure's schema says what range it takes.
      input[name] = numeric.includes(name) && /^-?\d{1,30}$/.test(value) ? Number(value) : value;
    }
  }
  if (Object.keys(fieldErrors).length > 0) throw new ParameterError(fieldErrors);
  return input;
}

/** A whole-number path segment such as a version number, within PostgreSQL's integer range. */
export function readPositiveInteger(name: string, raw: string) {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > PG_INT_MAX) {
    throw new ParameterError({ [name]: `Give a whole number from 1 to ${PG_INT_MAX.toLocaleString("en")}.` });
  }
  return Number(raw);
}
