"use client";

import Link from "~/app/_components/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { changePasswordInput } from "~/server/schemas/accounts";

export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(changePasswordInput, { currentPassword: "", newPassword: "" });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      // The server has ended every session, this one included; a full load shows the signed-out header.
      onSuccess: () => window.location.assign("/sign-in?notice=passwordChanged"),
      onError: (error) => setMessage(applyServerError(form, error)),
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    change.mutate(values);
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      <FormErrors form={form} fields={["currentPassword", "newPassword"]} message={message} />
      <TextField form={form} name="currentPassword" label={t("current")} type="password" autoComplete="current-password" />
      <TextField form={form} name="newPassword" label={t("new")} hint={t("newHint")} type="password" autoComplete="new-password" />
      <div className="flex flex-wrap items-center gap-6">
        <Button type="submit" pending={change.isPending} disabled={change.isSuccess}>
          {t("submit")}
        </Button>
        <Link href="/forgot-password">{t("forgot")}</Link>
      </div>
    </form>
  );
}
