"use client";

import Link from "~/app/_components/link";
import { useTranslations } from "next-intl";
import { FormProblems, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { requestPasswordResetAction } from "../../actions";
import { ConfirmationPanel } from "../../_components/confirmation-panel";

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  // The server answers the same whether or not the address has an account; only a rate limit
  // (TOO_MANY_REQUESTS) or a bad address comes back as an error.
  const { state, pending, formProps } = useActionForm(requestPasswordResetAction, initialState<{ email: string }>());

  if (state.done) {
    return (
      <>
        <ConfirmationPanel title={t("sentTitle")} />
        <p className="mb-6 break-words">{t.rich("sentText", { email: state.done.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        {/* "Send the link again" brings the form back, with the address filled in. */}
        <form {...formProps} className="mb-6">
          <input type="hidden" name="email" value={state.done.email} />
          {t("notArrived")}{" "}
          <Button type="submit" name="intent" value="again" variant="link" className="text-base whitespace-normal sm:text-lg" worksWithoutScript>
            {t("tryAgain")}
          </Button>
          .
        </form>
        <p>
          <Link href="/sign-in">{t("backToSignIn")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <form {...formProps} className="space-y-6">
        <FormProblems state={state} fields={["email"]} />
        <TextField state={state} name="email" label={t("email")} type="email" autoComplete="email" spellCheck={false} />
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit" pending={pending} worksWithoutScript>
            {t("submit")}
          </Button>
          <Link href="/sign-in">{t("backToSignIn")}</Link>
        </div>
      </form>
    </>
  );
}
