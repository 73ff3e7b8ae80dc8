"use server";

// The administrators' form for /about/governance posts here: the action calls governance.publish
// through the server-side caller, with the procedure's own policy and validation, so the form works
// before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { governanceFields, governanceFormInput } from "./form-input";

export interface GovernancePublished {
  number: number;
}

/** Publishes a new revision of the governance page. */
export async function publishGovernanceAction(previous: ActionState<GovernancePublished>, formData: FormData): Promise<ActionState<GovernancePublished>> {
  const values = formValues(formData, governanceFields);
  let done: GovernancePublished;
  try {
    done = await api.governance.publish(governanceFormInput(formData));
  } catch (error) {
    return failed(previous, error, values);
  }
  revalidatePath("/about/governance");
  revalidatePath("/admin/governance");
  // The sections keep what was published; the summary starts empty for the next revision.
  return succeeded(previous, done, { ...values, summary: "" });
}
