"use client";

// The secretariat answers a request from its queue (app/secretariat/verification/actions.ts): an
// observer asking to take part fully, or a nominated representative of a state or
// intergovernmental organisation. Approve, or decline with a reason. A server-action form: it
// works before the page's script has loaded. Its words come from the page.
import { FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { type Decided, decideNominationAction, decideParticipationAction } from "../verification/actions";

export interface DecisionLabels {
  reason: string;
  reasonHint: string;
  approve: string;
  decline: string;
  approved: string;
  declined: string;
}

type Request = { kind: "participation"; organizationId: string; slug: string } | { kind: "nomination"; nominationId: string };

/** What each kind of request posts. */
const actions = { participation: decideParticipationAction, nomination: decideNominationAction };

export function SecretariatDecision({ request, labels }: { request: Request; labels: DecisionLabels }) {
  const { kind, ...hidden } = request;
  const { state, pending, formProps } = useActionForm<Decided>(actions[kind], initialState({ ...hidden, reason: "" }));
  const prefix = `${kind}-${Object.values(hidden)[0]}`;
  if (state.done) {
    return (
      <Alert variant="success" role="status" data-testid={`${kind}-decided`}>
        <AlertDescription>{state.done.approved ? labels.approved : labels.declined}</AlertDescription>
      </Alert>
    );
  }
  return (
    <form {...formProps} className="max-w-[42rem]">
      <FormProblems state={state} prefix={prefix} fields={["reason"]} headingLevel="h3" className="mb-4" />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextareaField state={state} id={`${prefix}-reason`} name="reason" label={labels.reason} hint={labels.reasonHint} rows={3} maxLength={2000} />
      <div className="flex flex-wrap gap-4">
        {/* The label names the organisation or the person: it may wrap on a phone rather than run off the screen. */}
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
