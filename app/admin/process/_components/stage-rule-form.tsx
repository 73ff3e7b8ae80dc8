"use client";

// One timed stage's lengths, changed with a reason (app/admin/process/actions.ts). A server-action
// form: it works before the page's script has loaded. Its words come from the page (the server
// renders them), so no messages are added to every page's client bundle.
import { FormProblems, TextareaField, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import type { TimedStage } from "~/server/schemas/vocabulary";
import { changeProcessRuleAction } from "../actions";
import { processRuleFields } from "../form-input";

export interface StageRuleFormLabels {
  defaultDays: string;
  defaultDaysHint: string;
  minimumDays: string;
  minimumDaysHint: string;
  reason: string;
  reasonHint: string;
  submit: string;
  /** The confirmation, in the lengths the page was rendered with (after a change, the new ones). */
  saved: string;
}

export function StageRuleForm({
  stage,
  defaultDays,
  minimumDays,
  labels,
}: {
  stage: TimedStage;
  defaultDays: number;
  minimumDays: number;
  labels: StageRuleFormLabels;
}) {
  const { state, pending, formProps } = useActionForm(
    changeProcessRuleAction,
    initialState({ stage, defaultDays: String(defaultDays), minimumDays: String(minimumDays), reason: "" }),
  );
  const { done } = state;
  return (
    // A new form after each change saved, so the reason field is empty again for the next one.
    <form key={done ? state.n : 0} {...formProps} className="max-w-[42rem]">
      {done ? (
        <Alert variant="success" role="status" className="mb-6" data-testid={`${stage}-saved`}>
          <AlertDescription>{labels.saved}</AlertDescription>
        </Alert>
      ) : null}
      <FormProblems state={state} prefix={stage} fields={processRuleFields} headingLevel="h3" className="mb-6" />
      <input type="hidden" name="stage" value={stage} />
      <TextField
        state={state}
        id={`${stage}-defaultDays`}
        name="defaultDays"
        label={labels.defaultDays}
        hint={labels.defaultDaysHint}
        inputMode="numeric"
        autoComplete="off"
        className="w-24"
      />
      <TextField
        state={state}
        id={`${stage}-minimumDays`}
        name="minimumDays"
        label={labels.minimumDays}
        hint={labels.minimumDaysHint}
        inputMode="numeric"
        autoComplete="off"
        className="w-24"
      />
      <TextareaField state={state} id={`${stage}-reason`} name="reason" label={labels.reason} hint={labels.reasonHint} rows={3} maxLength={2000} />
      <Button type="submit" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}
