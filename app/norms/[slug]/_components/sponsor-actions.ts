"use server";

// The co-sponsor forms on the norm page post here (docs/performance.md, "Page budgets"): each
// action calls its procedure through the server-side caller, with the procedure's own policy and
// validation, so the forms work before the page's script has loaded, and without it. Once done,
// the norm page is shown again at its co-sponsors.
import { revalidatePath } from "next/cache";
import { localeRedirect } from "~/app/_components/locale-redirect";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, sentByScript, succeeded, textOf } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";

const normPage = (slug: string) => `/norms/${encodeURIComponent(slug)}`;

/**
 * With script, the page is rendered again in place; a post sent without script is sent back to
 * the norm page's co-sponsors.
 */
async function backToSponsors(previous: ActionState, slug: string): Promise<ActionState> {
  const page = normPage(slug);
  if (!(await sentByScript())) await localeRedirect(`${page}#sponsors-heading`);
  revalidatePath(page);
  return succeeded(previous, true);
}

/** A representative asks, for one of their verified organisations, to co-sponsor the norm. */
export async function requestSponsorshipAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["organizationId", "message"]);
  let done: { slug: string };
  try {
    done = await api.sponsors.request({ normId: textOf(formData, "normId"), organizationId: textOf(formData, "organizationId"), message: textOf(formData, "message") });
  } catch (error) {
    return failed(previous, error, values);
  }
  return backToSponsors(previous, done.slug);
}

const decisions = {
  withdraw: (sponsorId: string) => api.sponsors.withdraw({ sponsorId }),
  accept: (sponsorId: string) => api.sponsors.accept({ sponsorId }),
  decline: (sponsorId: string) => api.sponsors.decline({ sponsorId }),
} as const;

/** Withdraws a request or a sponsorship (its organisation), or accepts or declines a request (the authors): the form's `intent`. */
export async function sponsorDecisionAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const intent = textOf(formData, "intent");
  let done: { slug: string };
  try {
    if (!(intent in decisions)) throw new Error(`Unknown co-sponsor action: ${intent}`);
    done = await decisions[intent as keyof typeof decisions](textOf(formData, "sponsorId"));
  } catch (error) {
    return failed(previous, error, {});
  }
  return backToSponsors(previous, done.slug);
}
