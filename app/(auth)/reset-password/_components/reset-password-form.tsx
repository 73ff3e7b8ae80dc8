"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { resetPasswordInput } from "~/server/schemas/accounts";

// The link itself is refused as BAD_REQUEST (unknown) or PRECONDITION_FAILED (used, expired).
const linkProblems = new Set(["BAD_REQUEST", "PRECONDITION_FAILED", "NOT_FOUND"]);

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.resetPassword");
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(() =>
    resetPasswordInput.shape.token.safeParse(token).success ? null : t("missingToken"),
  );
  const form = useZodForm(resetPasswordInput, { token, password: "" });
  const reset = useMutation(
    trpc.account.resetPassword.mutationOptions({
      // Every session has ended, this one included: a full load shows the signed-out header.
      onSuccess: () => window.location.assign("/sign-in?notice=passwordChanged"),
      onError: (error) => {
        const info = serverError(error);
        if (!info.fieldErrors.password && info.code && linkProblems.has(info.code)) setLinkError(info.message);
        else setMessage(applyServerError(form, error));
      },
    }),
  );

  if (linkError) {
    return (
      <>
        <PageHeader title={t("failedTitle")} />
        <Alert variant="destructive" role="alert" className="mb-8">
          <AlertDescription>{linkError}</AlertDescription>
        </Alert>
        <Link href="/forgot-password" className={buttonVariants()}>
          {t("requestNew")}
        </Link>
      </>
    );
  }

  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    reset.mutate(values);
  });

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
        <FormErrors form={form} fields={["password"]} message={message} />
        <TextField
          form={form}
          name="password"
          label={t("password")}
          hint={t("passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <Button type="submit" pending={reset.isPending} disabled={reset.isSuccess}>
          {t("submit")}
        </Button>
      </form>
    </>
  );
}
