import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { randomUUID } from "node:crypto";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "~/db/connect";
import { AppError, type AppErrorCode, badInput, isDatabaseUnavailable, pgErrorCode, RETRY_AFTER_UNAVAILABLE_SECONDS, unauthorized } from "./errors";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";
import { localizeFieldErrors, localizeServerText, localizeZodIssue } from "./i18n/server-text";
import { findUnstorable, UNSTORABLE_MESSAGE } from "./input-text";
import { type Logger, logger } from "./logger";
import { type SecurityEvent, securityEvent } from "./security-events";
import type { Mailer } from "./mail";
import { type Action, type Actor, authorize, type PublicAction, type SignedInAction } from "./policy";

export interface Context {
  db: Db;
  actor: Actor | null;
  mailer: Mailer;
  /** The client's address, for per-IP rate limits; null when unknown (tests, server calls). */
  ip: string | null;
  /** The language of the page that asked, for the messages of a refusal (English by default). */
  locale: Locale;
  log: Logger;
}

/** The context tests build directly; the request context (server/context.ts) fills it from a request. */
export function createInnerContext(opts: { db: Db; actor: Actor | null; mailer: Mailer; ip?: string | null; locale?: Locale }): Context {
  return {
    db: opts.db,
    actor: opts.actor,
    mailer: opts.mailer,
    ip: opts.ip ?? null,
    locale: opts.locale ?? DEFAULT_LOCALE,
    log: logger.child({ requestId: randomUUID(), userId: opts.actor?.id }),
  };
}

const appCodeToTrpc: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_STATE: "PRECONDITION_FAILED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  BAD_INPUT: "BAD_REQUEST",
};

const securityEventOf: Partial<Record<AppErrorCode, SecurityEvent>> = {
  UNAUTHORIZED: "request.unauthenticated",
  FORBIDDEN: "request.forbidden",
  RATE_LIMITED: "request.rate_limited",
};

/**
 * A failure's messages per input field, the first for each, in `locale`: the input schema's
 * (ZodError) or the domain's (AppError); undefined when the failure is not about fields. The API's
 * answers carry them (errorFormatter below), and so do the forms that call procedures from a server
 * action (app/_components/action-state.server.ts).
 */
export function fieldErrorsOf(cause: unknown, locale: Locale = DEFAULT_LOCALE): Record<string, string> | undefined {
  if (cause instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of cause.issues) {
      const field = issue.path[0];
      if (field === undefined || String(field) in fields) continue;
      fields[String(field)] = localizeZodIssue(issue, locale);
    }
    return fields;
  }
  return cause instanceof AppError && cause.fieldErrors ? localizeFieldErrors(cause.fieldErrors, locale) : undefined;
}

/**
 * The one message of a refused call, in `locale`. A domain refusal's message is in it already (the
 * errors middleware below gave it so); the others are put into it here.
 */
export function refusalMessageOf(error: TRPCError, locale: Locale = DEFAULT_LOCALE): string {
  if (error.cause instanceof AppError) return error.message;
  return localizeServerText(error.cause instanceof ZodError ? CHECK_FIELDS : error.message, locale);
}

const CHECK_FIELDS = "Check the highlighted fields.";

const t = initTRPC.context<Context>().meta<{ action: Action }>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const locale = ctx?.locale ?? DEFAULT_LOCALE;
    const fieldErrors = fieldErrorsOf(cause, locale);
    return {
      ...shape,
      message: refusalMessageOf(error, locale),
      data: {
        ...shape.data,
        stack: undefined,
        appCode: cause instanceof AppError ? cause.code : undefined,
        fieldErrors: fieldErrors ?? null,
        retryAfterSeconds:
          cause instanceof AppError
            ? (cause.retryAfterSeconds ?? null)
            : error.code === "SERVICE_UNAVAILABLE"
              ? RETRY_AFTER_UNAVAILABLE_SECONDS
              : null,
        details: cause instanceof AppError ? (cause.details ?? null) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps domain errors once, logs the unexpected, and keeps internals out of responses. */
const errors = t.middleware(async ({ ctx, path, type, next }) => {
  const started = Date.now();
  // Each line logged below names the path itself: a logger bound to it for every call, which no
  // procedure logs with, cost a child logger per request.
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    const event = securityEventOf[cause.code];
    if (event) securityEvent(event, { path, userId: ctx.actor?.id ?? null }, ctx.log);
    // In the language of the page that asked, for pages that show a refusal as it comes
    // (server/i18n/server-text.ts); the formatter gives API answers theirs the same way.
    throw new TRPCError({ code: appCodeToTrpc[cause.code], message: localizeServerText(cause.message, ctx.locale), cause });
  }
  if (pgErrorCode(cause) === "23505") {
    throw new TRPCError({ code: "CONFLICT", message: "This already exists.", cause });
  }
  if (isDatabaseUnavailable(cause)) {
    ctx.log.warn({ err: cause, path, type, ms: Date.now() - started }, "database unavailable");
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The forum is briefly unavailable. Please try again in a few seconds.",
      cause,
    });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ err: result.error.cause ?? result.error, path, type, ms: Date.now() - started }, "procedure failed");
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Please try again.", cause: result.error.cause });
  }
  return result;
});

/** Refuses text PostgreSQL cannot store (U+0000, broken surrogates) as bad input, naming the field, before any query. */
const storableText = t.middleware(async ({ getRawInput, next }) => {
  const path = findUnstorable(await getRawInput());
  if (path) throw badInput(UNSTORABLE_MESSAGE, { [String(path[0] ?? "input")]: UNSTORABLE_MESSAGE });
  return next();
});

const base = t.procedure.use(errors).use(storableText);

/** A procedure anyone may call; the policy still decides (and records the action for the matrix). */
export function publicProcedure(action: PublicAction) {
  return base.meta({ action }).use(({ ctx, next }) => {
    authorize(action, ctx.actor);
    return next({ ctx: { actor: ctx.actor } });
  });
}

/** A procedure for signed-in people; the policy decides which of them. `ctx.actor` is non-null. */
export function actorProcedure(action: SignedInAction) {
  return base.meta({ action }).use(({ ctx, next }) => {
    const actor = ctx.actor;
    if (!actor) throw unauthorized();
    authorize(action, actor);
    return next({ ctx: { actor } });
  });
}
