import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { localeRedirect, localePath } from "./locale-redirect";
import { ZodError } from "zod";
import type { Locale } from "~/server/i18n/locales";
import { requestLocale } from "~/server/i18n/paths";
import { fieldErrorsOf, refusalMessageOf } from "~/server/trpc";
import type { ActionState, FormValues } from "./action-state";

/**
 * Whether the form was sent by the page's script (React's fetch, with a Next-Action header) rather
 * than by the browser itself, before the script had loaded or without it (a multipart POST of the
 * page). Only the browser's own post can be answered with a redirect that keeps an anchor.
 */
export async function sentByScript(): Promise<boolean> {
  return (await headers()).has("next-action");
}

/**
 * Sends the browser on: the script loads `to` itself (a full load, with the anchor); a post sent
 * without script is answered with a 303 to `to`.
 */
export async function goTo<Done>(previous: ActionState<Done>, to: string, values: FormValues = {}): Promise<ActionState<Done>> {
  if (!(await sentByScript())) await localeRedirect(to);
  return { n: previous.n + 1, fieldErrors: {}, message: null, values, redirectTo: await localePath(to) };
}

/** A sent text field ("" when absent, or a file). */
export function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The fields of a form as sent: text fields as strings, repeated names (checkboxes) as lists. */
export function formValues(formData: FormData, fields: readonly string[], lists: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const name of fields) {
    values[name] = textOf(formData, name);
  }
  for (const name of lists) values[name] = formData.getAll(name).filter((v): v is string => typeof v === "string");
  return values;
}

export function succeeded<Done>(previous: ActionState<Done>, done: Done, values: FormValues = {}): ActionState<Done> {
  return { n: previous.n + 1, fieldErrors: {}, message: null, values, done };
}

/**
 * A refused call as the form shows it, as the API's client did (app/_trpc/react.tsx): the input
 * schema's or the domain's messages next to their fields, or else one message, in the page's
 * language. Anything else is no refusal and is thrown on (the error page).
 */
export async function failed<Done>(previous: ActionState<Done>, error: unknown, values: FormValues): Promise<ActionState<Done>> {
  return refusal(previous, error, values, requestLocale(await headers()));
}

/** The form's state after a refusal, its messages in `locale` (see `failed`). */
export function refusal<Done>(previous: ActionState<Done>, error: unknown, values: FormValues, locale: Locale): ActionState<Done> {
  const n = previous.n + 1;
  if (error instanceof ZodError) return { n, fieldErrors: fieldErrorsOf(error, locale) ?? {}, message: null, code: "BAD_REQUEST", values };
  if (error instanceof TRPCError) {
    const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsOf(error.cause, locale) ?? {}).filter(([, m]) => m));
    const onFields = Object.keys(fieldErrors).length > 0;
    return { n, fieldErrors, message: onFields ? null : refusalMessageOf(error, locale), code: error.code, values };
  }
  throw error;
}
