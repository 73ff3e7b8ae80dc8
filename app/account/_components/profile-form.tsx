"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { updateProfileInput } from "~/server/schemas/accounts";

export function ProfileForm({ displayName }: { displayName: string }) {
  const t = useTranslations("account.profile");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(updateProfileInput, { displayName });
  const update = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: (data) => {
        form.reset({ displayName: data.displayName });
        toast.success(t("saved"));
        router.refresh();
      },
      onError: (error) => setMessage(applyServerError(form, error)),
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    update.mutate(values);
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      <FormErrors form={form} fields={["displayName"]} message={message} />
      <TextField form={form} name="displayName" label={t("displayName")} hint={t("displayNameHint")} autoComplete="name" />
      <Button type="submit" pending={update.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
