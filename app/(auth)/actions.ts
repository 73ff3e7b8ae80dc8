"use server";

// The account forms post here (docs/performance.md, "Page budgets"): each action calls its
// procedure through the server-side caller (app/_trpc/server.tsx), with the same policy, rate
// limits and errors as the API, and answers what the form shows. The forms work before the page's
// script has loaded, and without it. A page's second form (a new confirmation link) posts to the
// page's action with an `intent`, so that one state holds the whole answer: a page sent without
// script is rendered from it.
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { type ActionState, initialState, valueOf } from "~/app/_components/action-state";
import { failed, formValues, goTo, succeeded, textOf } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { signIn, signOut } from "~/server/auth";
import { localeCode } from "~/server/i18n/paths";
import { signInInput } from "~/server/schemas/accounts";
import { safeCallbackUrl } from "./callback-url";

export interface SignInOutcome {
  /** The password was right, but the address is not confirmed yet: the form offers a new link. */
  unverified?: true;
  /** The new link was asked for. */
  resent?: true;
}

/**
 * Signs in, then sends the browser to `callbackUrl` (validated again here: the action can be
 * called with any value), or to the account page when the sign-in page was opened without one.
 * `intent=resend`: a new confirmation link for the address just typed.
 */
export async function signInAction(previous: ActionState<SignInOutcome>, formData: FormData): Promise<ActionState<SignInOutcome>> {
  if (formData.get("intent") === "resend") {
    try {
      await api.account.resendVerification({ email: textOf(formData, "email") });
      return { ...previous, n: previous.n + 1, done: { unverified: true, resent: true } };
    } catch (error) {
      return { ...(await failed(previous, error, previous.values)), fieldErrors: {}, done: { unverified: true } };
    }
  }
  const values = formValues(formData, ["email"]);
  const parsed = signInInput.safeParse({ email: valueOf(values, "email"), password: textOf(formData, "password") });
  if (!parsed.success) return failed(previous, parsed.error, values);
  // A crafted link's callback that is not a path on this site lands where no callback does.
  const redirectTo = safeCallbackUrl(textOf(formData, "callbackUrl") || undefined, "/account");
  try {
    // No redirect from signIn: the browser loads the page in full (goTo), since a server action's
    // redirect handled by script lost the anchor (#new-comment) that brings someone back.
    await signIn("credentials", { ...parsed.data, redirectTo, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const t = await getTranslations("auth.signIn");
    const code = (error as AuthError & { code?: string }).code ?? "invalid";
    const n = previous.n + 1;
    if (code.startsWith("rate_limited")) {
      const seconds = Number(code.split(":")[1]) || 60;
      return { n, fieldErrors: {}, message: t("rateLimited", { minutes: Math.ceil(seconds / 60) }), code: "TOO_MANY_REQUESTS", values };
    }
    if (code === "unverified") return { n, fieldErrors: {}, message: t("unverified"), values, done: { unverified: true } };
    return { n, fieldErrors: {}, message: t("invalid"), values };
  }
  return goTo(previous, redirectTo);
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

export interface SignUpOutcome {
  /** The address the confirmation link went to. */
  email: string;
  /** It was sent again. */
  resent?: true;
}

/**
 * Creates an account; the answer names the address the confirmation link went to. `intent=resend`
 * (on the confirmation) sends the link again. The account's mail is in the language of the page
 * (its address: /fr/sign-up), docs/languages.md "Mail".
 */
export async function signUpAction(previous: ActionState<SignUpOutcome>, formData: FormData): Promise<ActionState<SignUpOutcome>> {
  if (formData.get("intent") === "resend") {
    const email = textOf(formData, "email");
    try {
      await api.account.resendVerification({ email });
      return { ...previous, n: previous.n + 1, message: null, done: { email, resent: true } };
    } catch (error) {
      return { ...(await failed(previous, error, previous.values)), fieldErrors: {}, done: { email } };
    }
  }
  const values = formValues(formData, ["displayName", "email"]);
  try {
    const { email } = await api.account.signUp({
      displayName: valueOf(values, "displayName"),
      email: valueOf(values, "email"),
      password: textOf(formData, "password"),
      locale: localeCode(await getLocale()),
    });
    return succeeded(previous, { email }, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}

/**
 * Sends a link to choose a new password; the answer is the same whether or not the address has an
 * account. `intent=again` (the confirmation's "send the link again") brings the form back.
 */
export async function requestPasswordResetAction(previous: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> {
  const values = formValues(formData, ["email"]);
  if (formData.get("intent") === "again") return { ...initialState(values), n: previous.n + 1 };
  try {
    await api.account.requestPasswordReset({ email: valueOf(values, "email") });
    return succeeded(previous, { email: valueOf(values, "email").trim().toLowerCase() }, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}

/** Sets a new password from the emailed link; every session ends, so the sign-in page follows in full. */
export async function resetPasswordAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["token"]);
  try {
    await api.account.resetPassword({ token: valueOf(values, "token"), password: textOf(formData, "password") });
  } catch (error) {
    return failed(previous, error, values);
  }
  return goTo(previous, "/sign-in?notice=passwordChanged");
}

export interface VerifyEmailOutcome {
  verified?: true;
  /** Why the link did not work (kept while a new link is asked for). */
  linkProblem?: string;
  /** A new link was asked for. */
  sent?: true;
}

/**
 * The confirmation page's action: `intent=verify` confirms the address from the emailed link;
 * `intent=resend` asks for a new link.
 */
export async function verifyEmailAction(previous: ActionState<VerifyEmailOutcome>, formData: FormData): Promise<ActionState<VerifyEmailOutcome>> {
  if (formData.get("intent") === "resend") {
    const values = formValues(formData, ["email"]);
    const { linkProblem } = previous.done ?? {};
    try {
      await api.account.resendVerification({ email: valueOf(values, "email") });
      return succeeded(previous, { linkProblem, sent: true }, values);
    } catch (error) {
      return { ...(await failed(previous, error, values)), done: { linkProblem } };
    }
  }
  const values = formValues(formData, ["token"]);
  try {
    await api.account.verifyEmail({ token: valueOf(values, "token") });
    return succeeded(previous, { verified: true }, values);
  } catch (error) {
    // A malformed token fails the input schema; its field message says more than the summary.
    const refused = await failed(previous, error, values);
    return { ...refused, fieldErrors: {}, message: null, done: { linkProblem: refused.fieldErrors.token || refused.message || undefined } };
  }
}
