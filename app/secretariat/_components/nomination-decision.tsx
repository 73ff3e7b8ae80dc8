"use client";

// The secretariat approves a nominated representative of a state or intergovernmental
// organisation, or declines the nomination with a reason (app/secretariat/verification/actions.ts).
// A server-action form: it works before the page's script has loaded. Its words come from the page.
import { FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { decideNominationAction } from "../verification/actions";

export interface NominationDecisionLabels {
  reason: string;
  reasonHint: string;
  approve: string;
  decline: string;
  approved: string;
  declined: string;
}

export function NominationDecision({ nominationId, labels }: { nominationId: string; labels: NominationDecisionLabels }) {
  const { state, pending, formProps } = useActionForm(decideNominationAction, initialState({ nominationId, reason: "" }));
  const prefix = `nomination-${nominationId}`;
  if (state.done) {
    return (
      <Alert variant="success" role="status" data-testid="nomination-decided">
        <AlertDescription>{state.done.decision === "approve" ? labels.approved : labels.declined}</AlertDescription>
      </Alert>
    );
  }
  return (
    <form {...formProps} className="max-w-[42rem]">
      <FormProblems state={state} prefix={prefix} fields={["reason"]} headingLevel="h3" className="mb-4" />
      <input type="hidden" name="nominationId" value={nominationId} />
      <TextareaField state={state} id={`${prefix}-reason`} name="reason" label={labels.reason} hint={labels.reasonHint} rows={3} maxLength={2000} />
      <div className="flex flex-wrap gap-4">
        {/* The label names the person: it may wrap on a phone rather than run off the screen. */}
        <Button type="submit" name="decision" value="approve" pending={pending} worksWithoutScript className="max-w-full shrink whitespace-normal">
          {labels.approve}
        </Button>
        <Button type="submit" name="decision" value="decline" variant="secondary" pending={pending} worksWithoutScript>
          {labels.decline}
        </Button>
      </div>
    </form>
  );
}
