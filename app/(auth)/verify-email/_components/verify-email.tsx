"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { applyServerError, FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { emailOnlyInput } from "~/server/schemas/accounts";
import { ConfirmationPanel } from "../../_components/confirmation-panel";

export function VerifyEmail({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmail");
  const trpc = useTRPC();
  const verify = useMutation(trpc.account.verifyEmail.mutationOptions());
  // A link works once: React's strict mode runs effects twice in development, so guard the call.
  const started = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    mutate({ token });
  }, [token, mutate]);

  if (verify.isSuccess) {
    return (
      <>
        <ConfirmationPanel title={t("successTitle")} />
        <p className="mb-6">{t("successText")}</p>
        <Link href="/sign-in?notice=verified" className={buttonVariants()}>
          {t("signIn")}
        </Link>
      </>
    );
  }

  if (token && !verify.isError) {
    return (
      <>
        <PageHeader title={t("title")} />
        <p role="status">{t("checking")}</p>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("failedTitle")} />
      <Alert variant="destructive" role="alert" className="mb-8">
        <AlertDescription>{verify.error ? linkMessage(verify.error) : t("missingToken")}</AlertDescription>
      </Alert>
      <NewLinkForm />
    </>
  );
}

/** A malformed token fails the input schema; its field message says more than the summary. */
function linkMessage(error: unknown) {
  const info = serverError(error);
  return info.fieldErrors.token || info.message;
}

function NewLinkForm() {
  const t = useTranslations("auth.verifyEmail");
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(emailOnlyInput, { email: "" });
  const resend = useMutation(
    trpc.account.resendVerification.mutationOptions({ onError: (error) => setMessage(applyServerError(form, error)) }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    resend.mutate(values);
  });

  return (
    <section aria-labelledby="new-link-title">
      <h2 id="new-link-title" className="mb-4 text-2xl font-bold">
        {t("newLinkTitle")}
      </h2>
      {resend.isSuccess ? (
        <Alert variant="info" role="status">
          <AlertDescription>{t("sent")}</AlertDescription>
        </Alert>
      ) : (
        <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
          <p>{t("newLinkText")}</p>
          <FormErrors form={form} fields={["email"]} message={message} />
          <TextField form={form} name="email" label={t("email")} type="email" autoComplete="email" spellCheck={false} />
          <Button type="submit" pending={resend.isPending}>
            {t("submit")}
          </Button>
        </form>
      )}
    </section>
  );
}
