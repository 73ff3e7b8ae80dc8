"use server";

// The secretariat's exception form posts here (docs/performance.md, "Page budgets"): the action
// calls verification.recordException through the server-side caller, with the procedure's own
// policy and validation, so the form works before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { valueOf } from "~/app/_components/action-state";
import { failed, formValues, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";

/** Records an exception for a named member: they represent the organisation for the reason given. */
export async function recordExceptionAction(previous: ActionState<{ userId: string }>, formData: FormData): Promise<ActionState<{ userId: string }>> {
  const values = formValues(formData, ["organizationId", "userId", "slug", "reason"]);
  try {
    const { userId } = await api.verification.recordException({
      organizationId: valueOf(values, "organizationId"),
      userId: valueOf(values, "userId"),
      reason: valueOf(values, "reason"),
    });
    revalidatePath(`/secretariat/organizations/${valueOf(values, "slug")}/representation`);
    return succeeded(previous, { userId }, { ...values, reason: "" });
  } catch (error) {
    return failed(previous, error, values);
  }
}
