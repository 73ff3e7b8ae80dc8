"use client";

// A representative reconfirms their own representation, or withdraws a nomination waiting for the
// secretariat (issue 17). Server-action forms (../actions.ts): they work before the page's script
// has loaded, and without it.
import { useFormatter, useTranslations } from "next-intl";
import { useActionForm } from "~/app/_components/action-form";
import { ActionButton } from "~/app/_components/action-button";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { reconfirmAction, withdrawNominationAction } from "../actions";

export function ReconfirmForm({ organizationId, slug }: { organizationId: string; slug: string }) {
  const t = useTranslations("organizations.reconfirm");
  const format = useFormatter();
  const { state, pending, formProps } = useActionForm(reconfirmAction, initialState<{ reconfirmBy: string | null }>());
  return (
    <form {...formProps} data-testid="reconfirm">
      {state.done ? (
        <Alert variant="success" role="status" className="mb-4">
          <AlertDescription>
            {state.done.reconfirmBy ? t("done", { date: format.dateTime(new Date(state.done.reconfirmBy), { dateStyle: "long" }) }) : t("doneTied")}
          </AlertDescription>
        </Alert>
      ) : null}
      {state.message ? (
        <Alert variant="destructive" role="alert" className="mb-4">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <Button type="submit" pending={pending} worksWithoutScript>
        {t("submit")}
      </Button>
    </form>
  );
}

export function WithdrawNominationButton({ organizationId, slug, nominationId, name }: { organizationId: string; slug: string; nominationId: string; name: string }) {
  const t = useTranslations("organizations.nominations");
  return <ActionButton action={withdrawNominationAction} fields={{ organizationId, slug, nominationId }} label={t("withdraw")} ariaLabel={t("withdrawLabel", { name })} />;
}
