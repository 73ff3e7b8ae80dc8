// What a form's server action answers (docs/performance.md, "Page budgets"): the form posts to a
// server action, which calls the procedure through the server-side caller; the browser carries no
// tRPC client, query library or schema library for it. Shared by the actions (server) and the
// form components (browser): types and plain values only.

/** The fields as they were sent, to fill them again when the page is rendered anew (never a password). */
export type FormValues = Record<string, string | string[]>;

export interface ActionState<Done = true> {
  /** Counts the answers, so that the error summary takes focus again after each. */
  n: number;
  /** A message per field, from the procedure's input schema or the domain. */
  fieldErrors: Record<string, string>;
  /** A message not about one field (a rate limit, a used link, the database unavailable). */
  message: string | null;
  /** The tRPC code of a refusal (BAD_REQUEST, PRECONDITION_FAILED, TOO_MANY_REQUESTS …). */
  code?: string;
  values: FormValues;
  /** Set once the action has done its work. */
  done?: Done;
  /** Where the browser goes next, as a full load (so it comes with the session and keeps the anchor). */
  redirectTo?: string;
}

export function initialState<Done = true>(values: FormValues = {}): ActionState<Done> {
  return { n: 0, fieldErrors: {}, message: null, values };
}

/** A sent value as one string ("" when absent). */
export function valueOf(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === "string" ? value : (value?.[0] ?? "");
}
