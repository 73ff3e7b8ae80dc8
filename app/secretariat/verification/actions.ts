"use server";

// The secretariat's answer to an observer asking to take part fully posts here: the action calls
// verification.decideParticipation through the server-side caller, with its policy and
// validation, so the form works before the page's script has loaded, and without it.
import type { ActionState } from "~/app/_components/action-state";
import { valueOf } from "~/app/_components/action-state";
import { failed, formValues, goTo } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";

/** What a decision from the queue comes to (the queue, loaded again, says so in full). */
export type Decided = { approved: boolean };

export async function decideParticipationAction(previous: ActionState<Decided>, formData: FormData): Promise<ActionState<Decided>> {
  const values = formValues(formData, ["organizationId", "slug", "decision", "reason"]);
  let done: { participation: string };
  try {
    done = await api.verification.decideParticipation({
      organizationId: valueOf(values, "organizationId"),
      decision: valueOf(values, "decision") as "approve" | "decline",
      reason: valueOf(values, "reason"),
    });
  } catch (error) {
    return failed(previous, error, values);
  }
  // Back to the queue, loaded in full, which says what was decided above the requests that remain.
  // Nothing is revalidated here: that would render the queue again at once, without this form, before
  // it could follow the redirect. (Public pages follow the change through the page cache's generation.)
  const slug = encodeURIComponent(valueOf(values, "slug"));
  return goTo(previous, `/secretariat/verification?participation=${done.participation}&organization=${slug}#participation-requests`, values);
}

/** The secretariat's answer to a nominated representative of a state or intergovernmental organisation. */
export async function decideNominationAction(previous: ActionState<Decided>, formData: FormData): Promise<ActionState<Decided>> {
  const values = formValues(formData, ["nominationId", "decision", "reason"]);
  let done: { decision: string };
  try {
    done = await api.verification.decideNomination({
      nominationId: valueOf(values, "nominationId"),
      decision: valueOf(values, "decision") as "approve" | "decline",
      reason: valueOf(values, "reason"),
    });
  } catch (error) {
    return failed(previous, error, values);
  }
  // Back to the queue, which says what was decided (as for participation requests above: nothing is
  // revalidated, so the form stays to follow the redirect).
  return goTo(previous, `/secretariat/verification?nomination=${done.decision}#nominations`, values);
}
