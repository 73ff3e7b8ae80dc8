"use client";

// A person's further addresses: add one (a link is mailed to it), send its link again, remove
// one. Server-action forms (app/account/actions.ts): they work before the page's script has
// loaded, and without it.
import { useTranslations } from "next-intl";
import { FormProblems, TextField, useActionForm } from "~/app/_components/action-form";
import { ActionButton } from "~/app/_components/action-button";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { addAddressAction, removeAddressAction } from "../actions";

export function AddAddressForm() {
  const t = useTranslations("account.addresses");
  const { state, pending, formProps } = useActionForm(addAddressAction, initialState<{ email: string }>({ email: "" }));
  return (
    // A new form after each address added, so the field is empty again.
    <form key={state.done ? state.n : 0} {...formProps} className="max-w-xl" data-testid="add-address">
      {state.done ? (
        <Alert variant="success" role="status" className="mb-6">
          <AlertDescription>{t("sent", { email: state.done.email })}</AlertDescription>
        </Alert>
      ) : null}
      <FormProblems state={state} fields={["email"]} prefix="address" className="mb-6" />
      <TextField
        state={state}
        id="address-email"
        name="email"
        label={t("email")}
        hint={t("emailHint")}
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
      <Button type="submit" pending={pending} worksWithoutScript>
        {t("add")}
      </Button>
    </form>
  );
}

/** "Send the link again" for an address waiting for confirmation. */
export function ResendAddressButton({ email }: { email: string }) {
  const t = useTranslations("account.addresses");
  const { state, pending, formProps } = useActionForm(addAddressAction, initialState<{ email: string }>());
  return (
    <form {...formProps} className="inline">
      <input type="hidden" name="email" value={email} />
      <Button type="submit" size="sm" variant="secondary" pending={pending} worksWithoutScript aria-label={t("resendLabel", { email })}>
        {t("resend")}
      </Button>
      {state.done ? (
        <span role="status" className="ms-3">
          {t("resent")}
        </span>
      ) : state.message || state.fieldErrors.email ? (
        <span role="alert" className="ms-3 text-destructive">
          {state.message ?? state.fieldErrors.email}
        </span>
      ) : null}
    </form>
  );
}

export function RemoveAddressButton({ addressId, email }: { addressId: string; email: string }) {
  const t = useTranslations("account.addresses");
  return <ActionButton action={removeAddressAction} fields={{ addressId }} label={t("remove")} ariaLabel={t("removeLabel", { email })} className="inline" />;
}
