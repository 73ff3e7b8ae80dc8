"use client";

// The secretariat answers an observer's request to take part fully (app/secretariat/verification/
// actions.ts): approve, or decline with a reason. A server-action form: it works before the page's
// script has loaded. Its words come from the page.
import { FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { decideParticipationAction } from "../verification/actions";

export interface ParticipationDecisionLabels {
  reason: string;
  reasonHint: string;
  approve: string;
  decline: string;
  approved: string;
  declined: string;
}

export function ParticipationDecision({ organizationId, slug, labels }: { organizationId: string; slug: string; labels: ParticipationDecisionLabels }) {
  const { state, pending, formProps } = useActionForm(decideParticipationAction, initialState({ organizationId, slug, reason: "" }));
  const prefix = `participation-${organizationId}`;
  if (state.done) {
    return (
      <Alert variant="success" role="status" data-testid="participation-decided">
        <AlertDescription>{state.done.participation === "participant" ? labels.approved : labels.declined}</AlertDescription>
      </Alert>
    );
  }
  return (
    <form {...formProps} className="max-w-[42rem]">
      <FormProblems state={state} prefix={prefix} fields={["reason"]} headingLevel="h3" className="mb-4" />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <TextareaField state={state} id={`${prefix}-reason`} name="reason" label={labels.reason} hint={labels.reasonHint} rows={3} maxLength={2000} />
      <div className="flex flex-wrap gap-4">
        {/* The label names the organisation: it may wrap on a phone rather than run off the screen. */}
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
