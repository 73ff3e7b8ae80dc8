"use client";

// An amendment's actions (../actions.ts): support, withdrawal, acceptance and declining, each a
// server-action form that works before the page's script has loaded. Words come from the page.
import { FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { acceptAmendmentAction, declineAmendmentAction, supportAmendmentAction, withdrawAmendmentAction } from "../actions";

const actions = {
  support: supportAmendmentAction,
  withdraw: withdrawAmendmentAction,
  accept: acceptAmendmentAction,
  decline: declineAmendmentAction,
} as const;

export interface AmendmentFormField {
  name: "note" | "reason";
  label: string;
  hint: string;
  maxLength: number;
}

/** One action on the amendment: its hidden values, at most one text field, and its button. */
export function AmendmentActionForm({
  action,
  id,
  hidden,
  field,
  submit,
  variant = "primary",
}: {
  action: keyof typeof actions;
  /** Prefixes the form's field ids: a page has several of these forms. */
  id: string;
  hidden: Record<string, string>;
  field?: AmendmentFormField;
  submit: string;
  variant?: "primary" | "secondary" | "destructive-secondary";
}) {
  const { state, pending, formProps } = useActionForm(actions[action], initialState(field ? { [field.name]: "" } : {}));
  return (
    <form {...formProps} className="mb-4 max-w-[42rem]" data-testid={`amendment-${id}`}>
      <FormProblems state={state} prefix={id} fields={field ? [field.name] : []} headingLevel="h3" className="mb-4" />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {field ? <TextareaField state={state} id={`${id}-${field.name}`} name={field.name} label={field.label} hint={field.hint} rows={3} maxLength={field.maxLength} /> : null}
      <Button type="submit" pending={pending} worksWithoutScript variant={variant}>
        {submit}
      </Button>
    </form>
  );
}
