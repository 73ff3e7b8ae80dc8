"use client";

// A new revision of /about/governance (app/admin/governance/actions.ts). A server-action form: it
// works before the page's script has loaded. Its words come from the page, so no messages are added
// to every page's client bundle.
import { FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { publishGovernanceAction } from "../actions";
import { governanceFields } from "../form-input";

export interface GovernanceFormLabels {
  secretariat: string;
  appointments: string;
  funding: string;
  markdown: string;
  summary: string;
  summaryHint: string;
  submit: string;
  /** "Revision {number} is published." with the number left as a placeholder. */
  saved: string;
}

export function GovernanceForm({ current, labels }: { current: { secretariat: string; appointments: string; funding: string }; labels: GovernanceFormLabels }) {
  const { state, pending, formProps } = useActionForm(publishGovernanceAction, initialState({ ...current, summary: "" }));
  const { done } = state;
  return (
    <form key={done ? state.n : 0} {...formProps} className="max-w-[42rem]">
      {done ? (
        <Alert variant="success" role="status" className="mb-6" data-testid="governance-saved">
          <AlertDescription>{labels.saved.replace("{number}", String(done.number))}</AlertDescription>
        </Alert>
      ) : null}
      <FormProblems state={state} prefix="governance" fields={governanceFields} headingLevel="h2" className="mb-6" />
      {(["secretariat", "appointments", "funding"] as const).map((section) => (
        <TextareaField key={section} state={state} id={`governance-${section}`} name={section} label={labels[section]} hint={labels.markdown} rows={8} maxLength={8000} />
      ))}
      <TextareaField state={state} id="governance-summary" name="summary" label={labels.summary} hint={labels.summaryHint} rows={2} maxLength={500} />
      <Button type="submit" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}
