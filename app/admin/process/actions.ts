"use server";

// The admin's form for a stage's lengths posts here (docs/performance.md, "Page budgets"): the
// action calls process.changeRule through the server-side caller, with the procedure's own policy
// and validation, so the form works before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { processRuleFormInput, processRuleFields } from "./form-input";

export interface RuleChanged {
  stage: string;
  defaultDays: number;
  minimumDays: number;
}

/** Changes one timed stage's default and minimum length, with the reason published beside the change. */
export async function changeProcessRuleAction(previous: ActionState<RuleChanged>, formData: FormData): Promise<ActionState<RuleChanged>> {
  const values = formValues(formData, processRuleFields);
  let done: RuleChanged;
  try {
    done = await api.process.changeRule(processRuleFormInput(formData));
  } catch (error) {
    return failed(previous, error, values);
  }
  // The public page and this one show the new lengths; the reason field starts empty again.
  revalidatePath("/about/process");
  revalidatePath("/admin/process");
  return succeeded(previous, done, { stage: done.stage, defaultDays: String(done.defaultDays), minimumDays: String(done.minimumDays), reason: "" });
}
