"use client";

// An observer's representatives ask the secretariat to make it a full participant. A server-action
// form: it works before the page's script has loaded. Its words come from the page.
import { FormProblems, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { requestParticipationAction } from "../participation-actions";

export function ParticipationRequestForm({ organizationId, slug, labels }: { organizationId: string; slug: string; labels: { submit: string } }) {
  const { state, pending, formProps } = useActionForm(requestParticipationAction, initialState({ organizationId, slug }));
  return (
    <form {...formProps}>
      <FormProblems state={state} prefix="participation" fields={[]} headingLevel="h3" className="mb-4" />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <Button type="submit" variant="secondary" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}
