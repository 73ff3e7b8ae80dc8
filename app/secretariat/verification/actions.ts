"use server";

// The secretariat's answer to an observer asking to take part fully posts here: the action calls
// verification.decideParticipation through the server-side caller, with its policy and
// validation, so the form works before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { valueOf } from "~/app/_components/action-state";
import { failed, formValues, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";

export async function decideParticipationAction(previous: ActionState<{ participation: string }>, formData: FormData): Promise<ActionState<{ participation: string }>> {
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
  // The queue is not rendered again here, so the decision's confirmation stays where it was made;
  // the request is gone from the queue at the next visit.
  revalidatePath(`/organizations/${valueOf(values, "slug")}`);
  return succeeded(previous, done, values);
}
