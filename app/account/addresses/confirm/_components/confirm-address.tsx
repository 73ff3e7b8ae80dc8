"use client";

// Confirms a further address from its mailed link. The page's GET changes nothing (a mail scanner
// that fetches links uses nothing up): the person, signed in, presses the button, which works
// without script too.
import Link from "~/app/_components/link";
import { useTranslations } from "next-intl";
import { useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { confirmAddressAction } from "../../../actions";

export function ConfirmAddress({ token }: { token: string }) {
  const t = useTranslations("account.addresses.confirm");
  const { state, pending, formProps } = useActionForm(confirmAddressAction, initialState<{ email: string }>({ token }));
  if (state.done) {
    return (
      <>
        <Alert variant="success" role="status" className="mb-6">
          <AlertDescription>{t("done", { email: state.done.email })}</AlertDescription>
        </Alert>
        <p>
          <Link href="/account#addresses">{t("back")}</Link>
        </p>
      </>
    );
  }
  return (
    <form {...formProps}>
      {state.message ? (
        <Alert variant="destructive" role="alert" className="mb-6" data-testid="form-error">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <p className="mb-6">{t("text")}</p>
      <Button type="submit" pending={pending} worksWithoutScript>
        {t("submit")}
      </Button>
    </form>
  );
}
