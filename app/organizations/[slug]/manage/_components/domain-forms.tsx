"use client";

// The organisation's official email domains: register one, remove one. Server-action forms
// (../actions.ts): they work before the page's script has loaded, and without it.
import { useTranslations } from "next-intl";
import { FormProblems, TextField, useActionForm } from "~/app/_components/action-form";
import { ActionButton } from "~/app/_components/action-button";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { addDomainAction, removeDomainAction } from "../actions";

export function AddDomainForm({ organizationId, slug }: { organizationId: string; slug: string }) {
  const t = useTranslations("organizations.domains");
  const { state, pending, formProps } = useActionForm(addDomainAction, initialState<{ domain: string }>({ domain: "" }));
  return (
    <form key={state.done ? state.n : 0} {...formProps} className="max-w-xl" data-testid="add-domain">
      {state.done ? (
        <Alert variant="success" role="status" className="mb-6">
          <AlertDescription>{t("added", { domain: state.done.domain })}</AlertDescription>
        </Alert>
      ) : null}
      <FormProblems state={state} fields={["domain"]} prefix="domain" headingLevel="h3" className="mb-6" />
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      <TextField
        state={state}
        id="domain-domain"
        name="domain"
        label={t("domain")}
        hint={t("domainHint")}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={253}
      />
      <Button type="submit" pending={pending} worksWithoutScript>
        {t("add")}
      </Button>
    </form>
  );
}

export function RemoveDomainButton({ organizationId, slug, domainId, domain }: { organizationId: string; slug: string; domainId: string; domain: string }) {
  const t = useTranslations("organizations.domains");
  return <ActionButton action={removeDomainAction} fields={{ organizationId, slug, domainId }} label={t("remove")} ariaLabel={t("removeLabel", { domain })} />;
}
