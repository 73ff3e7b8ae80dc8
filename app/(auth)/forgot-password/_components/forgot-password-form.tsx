"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { emailOnlyInput } from "~/server/schemas/accounts";
import { ConfirmationPanel } from "../../_components/confirmation-panel";

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(emailOnlyInput, { email: "" });
  // The server answers the same whether or not the address has an account; only a rate limit
  // (TOO_MANY_REQUESTS) or a bad address comes back as an error.
  const request = useMutation(
    trpc.account.requestPasswordReset.mutationOptions({ onError: (error) => setMessage(applyServerError(form, error)) }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    request.mutate(values);
  });

  if (request.isSuccess) {
    const email = request.variables.email.trim().toLowerCase();
    return (
      <>
        <ConfirmationPanel title={t("sentTitle")} />
        <p className="mb-6 break-words">{t.rich("sentText", { email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p className="mb-6">
          {t("notArrived")}{" "}
          <Button type="button" variant="link" className="text-base whitespace-normal sm:text-lg" onClick={() => request.reset()}>
            {t("tryAgain")}
          </Button>
          .
        </p>
        <p>
          <Link href="/sign-in">{t("backToSignIn")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
        <FormErrors form={form} fields={["email"]} message={message} />
        <TextField form={form} name="email" label={t("email")} type="email" autoComplete="email" spellCheck={false} />
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit" pending={request.isPending}>
            {t("submit")}
          </Button>
          <Link href="/sign-in">{t("backToSignIn")}</Link>
        </div>
      </form>
    </>
  );
}
