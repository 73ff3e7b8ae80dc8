"use server";

// The amendment forms post here (docs/performance.md, "Page budgets"): each action calls its
// procedure through the server-side caller, with the procedure's own policy and validation, so the
// forms work before the page's script has loaded, and without it. Once done, the browser goes to the
// amendment's page, which shows what changed.
import { revalidatePath } from "next/cache";
import { localeRedirect } from "~/app/_components/locale-redirect";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, goTo, sentByScript, succeeded, textOf } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { acceptFormInput, declineFormInput, proposeFields, proposeFormInput, supportFormInput } from "./form-input";

const amendmentPage = (slug: string, number: number) => `/norms/${encodeURIComponent(slug)}/amendments/${number}`;

/**
 * After a change on the amendment's own page: with script, the page is rendered again in place
 * (a full load of the same address would only scroll); a post sent without script is sent back to it.
 */
async function backToAmendment(previous: ActionState, done: { slug: string; number: number }, anchor: string): Promise<ActionState> {
  const page = amendmentPage(done.slug, done.number);
  if (!(await sentByScript())) await localeRedirect(`${page}${anchor}`);
  revalidatePath(page);
  return succeeded(previous, true);
}

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
  return backToAmendment(previous, done, "#support-heading");
}

/** Its proposer withdraws it. */
export async function withdrawAmendmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  let done: { slug: string; number: number };
  try {
    done = await api.amendments.withdraw({ amendmentId: textOf(formData, "amendmentId") });
  } catch (error) {
    return failed(previous, error, {});
  }
  return backToAmendment(previous, done, "");
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
  return backToAmendment(previous, done, "");
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
  return backToAmendment(previous, done, "");
}
