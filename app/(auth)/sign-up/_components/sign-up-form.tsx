"use client";

import Link from "~/app/_components/link";
import { useTranslations } from "next-intl";
import { FormProblems, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { type SignUpOutcome, signUpAction } from "../../actions";
import { ConfirmationPanel } from "../../_components/confirmation-panel";
import { ResendLinkForm } from "../../_components/resend-link-form";

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const { state, pending, sending, formProps } = useActionForm(signUpAction, initialState<SignUpOutcome>());

  if (state.done) {
    const { email } = state.done;
    return (
      <>
        <ConfirmationPanel title={t("checkEmailTitle")}>
          {t.rich("checkEmailText", { email, strong: (chunks) => <strong className="mt-1 block">{chunks}</strong> })}
        </ConfirmationPanel>
        <h2 className="mb-4 text-2xl font-bold">{t("nextSteps")}</h2>
        <p className="mb-4">{t("nextStepsText")}</p>
        <p className="mb-6">{t("notArrived")}</p>
        <ResendLinkForm
          formProps={formProps}
          pending={sending("resend")}
          email={email}
          label={t("sendAgain")}
          sent={state.done.resent ? t("sentAgain", { email }) : null}
          error={state.message}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <form {...formProps} className="space-y-6">
        <FormProblems state={state} fields={["displayName", "email", "password"]} />
        <TextField state={state} name="displayName" label={t("displayName")} hint={t("displayNameHint")} autoComplete="name" />
        <TextField state={state} name="email" label={t("email")} hint={t("emailHint")} type="email" autoComplete="email" spellCheck={false} />
        <TextField state={state} name="password" label={t("password")} hint={t("passwordHint")} type="password" autoComplete="new-password" />
        <Button type="submit" pending={pending} worksWithoutScript>
          {t("submit")}
        </Button>
        <p>
          {t("haveAccount")} <Link href="/sign-in">{t("signIn")}</Link>
        </p>
      </form>
    </>
  );
}
