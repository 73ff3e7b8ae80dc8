"use server";

// An observer's request to take part fully posts here: the action calls
// organizations.requestParticipation through the server-side caller, with the procedure's own
// policy, so the form works before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { valueOf } from "~/app/_components/action-state";
import { failed, formValues, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";

export async function requestParticipationAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["organizationId", "slug"]);
  try {
    await api.organizations.requestParticipation({ organizationId: valueOf(values, "organizationId") });
  } catch (error) {
    return failed(previous, error, values);
  }
  revalidatePath(`/organizations/${valueOf(values, "slug")}`);
  return succeeded(previous, true, values);
}
