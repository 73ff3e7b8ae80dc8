"use server";

// The account page's address forms post here (docs/performance.md, "Page budgets"): each action
// calls its procedure through the server-side caller, with the same policy, rate limits and errors
// as the API, so the forms work before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { valueOf } from "~/app/_components/action-state";
import { failed, formValues, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import type { Locale } from "~/server/i18n/locales";

/** Adds a further address (or sends its link again) and mails the confirmation link. */
export async function addAddressAction(previous: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> {
  const values = formValues(formData, ["email"]);
  try {
    const { email } = await api.account.addAddress({ email: valueOf(values, "email") });
    revalidatePath("/account");
    return succeeded(previous, { email }, { email: "" });
  } catch (error) {
    return failed(previous, error, values);
  }
}

/** Removes a further address (refused while a representation rests on it). */
export async function removeAddressAction(previous: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> {
  const values = formValues(formData, ["addressId"]);
  try {
    const { removed } = await api.account.removeAddress({ addressId: valueOf(values, "addressId") });
    revalidatePath("/account");
    return succeeded(previous, { email: removed }, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}

/** Confirms an address from its mailed link, for the signed-in account that added it. */
export async function confirmAddressAction(previous: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> {
  const values = formValues(formData, ["token"]);
  try {
    const done = await api.account.confirmAddress({ token: valueOf(values, "token") });
    revalidatePath("/account");
    return succeeded(previous, done, values);
  } catch (error) {
    const refused = await failed(previous, error, values);
    // A malformed token fails the input schema: its field message is the one to show.
    return { ...refused, fieldErrors: {}, message: refused.fieldErrors.token || refused.message };
  }
}

/** Sets the language of the person's mail (users.locale). */
export async function setLocaleAction(previous: ActionState<{ locale: Locale }>, formData: FormData): Promise<ActionState<{ locale: Locale }>> {
  const values = formValues(formData, ["locale"]);
  try {
    const done = await api.account.setLocale({ locale: valueOf(values, "locale") as Locale });
    revalidatePath("/account");
    return succeeded(previous, done, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}
