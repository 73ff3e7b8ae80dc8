"use client";

// An exception for one member, with its reason (./actions.ts): a server-action form that works
// before the page's script has loaded, and without it.
import { useTranslations } from "next-intl";
import { FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { recordExceptionAction } from "../actions";

export function ExceptionForm({ organizationId, slug, userId, name }: { organizationId: string; slug: string; userId: string; name: string }) {
  const t = useTranslations("secretariat.representation");
  const { state, pending, formProps } = useActionForm(recordExceptionAction, initialState<{ userId: string }>({ reason: "" }));
  const prefix = `exception-${userId}`;
  return (
    <form key={state.done ? state.n : 0} {...formProps} className="mt-3 max-w-xl">
      {state.done ? (
        <Alert variant="success" role="status" className="mb-4">
          <AlertDescription>{t("recorded", { name })}</AlertDescription>
        </Alert>
      ) : null}
      <FormProblems state={state} fields={["reason"]} prefix={prefix} headingLevel="h3" className="mb-4" />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="userId" value={userId} />
      <TextareaField state={state} id={`${prefix}-reason`} name="reason" label={t("reason", { name })} hint={t("reasonHint", { name })} rows={2} maxLength={1000} />
      <Button type="submit" variant="secondary" pending={pending} worksWithoutScript>
        {t("submit", { name })}
      </Button>
    </form>
  );
}
