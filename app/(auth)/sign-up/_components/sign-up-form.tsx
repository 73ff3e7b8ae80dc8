"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { signUpInput } from "~/server/schemas/accounts";
import { ConfirmationPanel } from "../../_components/confirmation-panel";

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(signUpInput, { displayName: "", email: "", password: "" });
  const signUp = useMutation(
    trpc.account.signUp.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
    }),
  );
  const resend = useMutation(trpc.account.resendVerification.mutationOptions());

  if (signUp.data) {
    const { email } = signUp.data;
    return (
      <>
        <ConfirmationPanel title={t("checkEmailTitle")}>
          {t.rich("checkEmailText", { email, strong: (chunks) => <strong className="mt-1 block">{chunks}</strong> })}
        </ConfirmationPanel>
        <h2 className="mb-4 text-2xl font-bold">{t("nextSteps")}</h2>
        <p className="mb-4">{t("nextStepsText")}</p>
        <p className="mb-6">{t("notArrived")}</p>
        <div aria-live="polite">
          {resend.isSuccess ? (
            <Alert variant="info" role="status">
              <AlertDescription>{t("sentAgain", { email })}</AlertDescription>
            </Alert>
          ) : resend.isError ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{serverError(resend.error).message}</AlertDescription>
            </Alert>
          ) : null}
        </div>
        {resend.isSuccess ? null : (
          <Button type="button" variant="secondary" pending={resend.isPending} onClick={() => resend.mutate({ email })}>
            {t("sendAgain")}
          </Button>
        )}
      </>
    );
  }

  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    signUp.mutate(values);
  });

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
        <FormErrors form={form} fields={["displayName", "email", "password"]} message={message} />
        <TextField form={form} name="displayName" label={t("displayName")} hint={t("displayNameHint")} autoComplete="name" />
        <TextField
          form={form}
          name="email"
          label={t("email")}
          hint={t("emailHint")}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextField
          form={form}
          name="password"
          label={t("password")}
          hint={t("passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <Button type="submit" pending={signUp.isPending}>
          {t("submit")}
        </Button>
        <p>
          {t("haveAccount")} <Link href="/sign-in">{t("signIn")}</Link>
        </p>
      </form>
    </>
  );
}
