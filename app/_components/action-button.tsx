"use client";

// One button that posts a server action with hidden fields, and shows the action's refusal beneath
// it: removing a domain or an address, withdrawing a nomination. It works before the page's script
// has loaded, and without it.
import { FormProblems, useActionForm } from "~/app/_components/action-form";
import { type ActionState, initialState } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";

export function ActionButton<Done>({
  action,
  fields,
  label,
  ariaLabel,
  className,
}: {
  action: (previous: ActionState<Done>, formData: FormData) => Promise<ActionState<Done>>;
  fields: Record<string, string>;
  label: string;
  ariaLabel: string;
  className?: string;
}) {
  const { state, pending, formProps } = useActionForm(action, initialState<Done>());
  return (
    <form {...formProps} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="sm" variant="outline" pending={pending} worksWithoutScript aria-label={ariaLabel}>
        {label}
      </Button>
      <FormProblems state={state} fields={[]} className="mt-3" />
    </form>
  );
}
