"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { signInInput } from "~/server/schemas/accounts";
import { type SignInResult, signInAction } from "../../actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth.signIn");
  const trpc = useTRPC();
  const [result, setResult] = useState<SignInResult>();
  const [pending, startTransition] = useTransition();
  const resend = useMutation(trpc.account.resendVerification.mutationOptions());
  const form = useZodForm(signInInput, { email: "", password: "" });

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const next = await signInAction({ ...values, callbackUrl });
      // A full load, so the page comes with the session and scrolls to its anchor.
      if (next.redirectTo !== undefined) window.location.assign(next.redirectTo);
      else setResult(next);
    }),
  );

  const failure =
    result?.error === "rate_limited"
      ? t("rateLimited", { minutes: Math.ceil((result.retryAfterSeconds ?? 60) / 60) })
      : result?.error
        ? t(result.error)
        : null;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      <FormErrors form={form} fields={["email", "password"]} message={failure} />
      {result?.error === "unverified" ? (
        resend.isSuccess ? (
          <Alert variant="info" role="status">
            <AlertDescription>{t("resent")}</AlertDescription>
          </Alert>
        ) : (
          <Button type="button" variant="secondary" pending={resend.isPending} onClick={() => resend.mutate({ email: form.getValues("email") })}>
            {t("resend")}
          </Button>
        )
      ) : null}
      <TextField form={form} name="email" label={t("email")} type="email" autoComplete="email" spellCheck={false} />
      <TextField form={form} name="password" label={t("password")} type="password" autoComplete="current-password" />
      <div className="flex flex-wrap items-center gap-6">
        <Button type="submit" pending={pending}>
          {t("submit")}
        </Button>
        <Link href="/forgot-password">{t("forgot")}</Link>
      </div>
      <p>
        {t("noAccount")} <Link href="/sign-up">{t("signUp")}</Link>
      </p>
    </form>
  );
}
