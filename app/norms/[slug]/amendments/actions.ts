"use server";

// The amendment forms post here (docs/performance.md, "Page budgets"): each action calls its
// procedure through the server-side caller, with the procedure's own policy and validation, so the
// forms work before the page's script has loaded, and without it. Once done, the browser goes to the
// amendment's page, which shows what changed.
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, goTo, textOf } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { acceptFormInput, declineFormInput, proposeFields, proposeFormInput, supportFormInput } from "./form-input";

const amendmentPage = (slug: string, number: number, anchor = "") => `/norms/${encodeURIComponent(slug)}/amendments/${number}${anchor}`;

/** Proposes an amendment; then its page. */
export async function proposeAmendmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, proposeFields);
  let done: { slug: string; number: number };
  try {
    done = await api.amendments.propose(proposeFormInput(formData));
  } catch (error) {
    return failed(previous, error, values);
  }
  return goTo(previous, amendmentPage(done.slug, done.number));
}

/** Supports an amendment (or withdraws that support) in one's own name or an organisation's. */
export async function supportAmendmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  let done: { slug: string; number: number };
  try {
    done = await api.amendments.support(supportFormInput(formData));
  } catch (error) {
    return failed(previous, error, {});
  }
  return goTo(previous, amendmentPage(done.slug, done.number, "#support-heading"));
}

/** Its proposer withdraws it. */
export async function withdrawAmendmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  let done: { slug: string; number: number };
  try {
    done = await api.amendments.withdraw({ amendmentId: textOf(formData, "amendmentId") });
  } catch (error) {
    return failed(previous, error, {});
  }
  return goTo(previous, amendmentPage(done.slug, done.number));
}

/** An author accepts it into a new version. */
export async function acceptAmendmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["note"]);
  let done: { slug: string; number: number };
  try {
    done = await api.amendments.accept(acceptFormInput(formData));
  } catch (error) {
    return failed(previous, error, values);
  }
  return goTo(previous, amendmentPage(done.slug, done.number));
}

/** An author declines it with a reason. */
export async function declineAmendmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["reason"]);
  let done: { slug: string; number: number };
  try {
    done = await api.amendments.decline(declineFormInput(formData));
  } catch (error) {
    return failed(previous, error, values);
  }
  return goTo(previous, amendmentPage(done.slug, done.number));
}
