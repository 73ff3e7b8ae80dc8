"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextareaField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { appealInput } from "~/server/schemas/accounts";

export function AppealForm() {
  const t = useTranslations("account.suspension");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(appealInput, { text: "" });
  const appeal = useMutation(
    trpc.account.appeal.mutationOptions({
      onSuccess: () => {
        toast.success(t("appealSent"));
        router.refresh();
      },
      onError: (error) => setMessage(applyServerError(form, error)),
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    appeal.mutate(values);
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="appeal-title" className="max-w-xl space-y-6">
      <h3 id="appeal-title" className="text-xl font-bold sm:text-2xl">
        {t("appealTitle")}
      </h3>
      <p>{t("appealLead")}</p>
      <FormErrors form={form} fields={["text"]} message={message} />
      <TextareaField form={form} name="text" label={t("appealText")} hint={t("appealHint")} rows={6} />
      <Button type="submit" pending={appeal.isPending} disabled={appeal.isSuccess}>
        {t("appealSubmit")}
      </Button>
    </form>
  );
}
