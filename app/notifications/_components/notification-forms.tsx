"use client";

// The notification centre's two forms (../actions.ts): each notification's sentence is the button
// that opens it (marking it read), and "Mark all as read". Server-action forms that work before
// the page's script has loaded and without it; words come from the page.
import { FormProblems, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { markAllReadAction, openNotificationAction } from "../actions";

export function OpenNotification({ id, sentence, unread }: { id: number; sentence: string; unread: boolean }) {
  const { state, pending, formProps } = useActionForm(openNotificationAction, initialState());
  return (
    <form {...formProps}>
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="link"
        worksWithoutScript
        pending={pending}
        className={`justify-start text-start text-lg whitespace-normal ${unread ? "font-bold" : ""}`}
        data-testid="open-notification"
      >
        {sentence}
      </Button>
      <FormProblems state={state} fields={[]} className="mt-3" />
    </form>
  );
}

export function MarkAllRead({ label }: { label: string }) {
  const { state, pending, formProps } = useActionForm(markAllReadAction, initialState());
  return (
    <form {...formProps}>
      <Button type="submit" variant="secondary" worksWithoutScript pending={pending}>
        {label}
      </Button>
      <FormProblems state={state} fields={[]} className="mt-3" />
    </form>
  );
}
