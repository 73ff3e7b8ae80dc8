"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { suspensionEndField } from "~/app/_components/suspension-end";
import { FormErrors, TextareaField, TextField, useFormDialog } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/app/_components/ui/dialog";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { suspendInput } from "~/server/schemas/users";
import { DialogActions } from "~/app/_components/dialog-actions";

export function SuspendDialog({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("secretariat.users");
  const tc = useTranslations("common.forms");
  const tca = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
  // The form holds the date as the date input gives it (YYYY-MM-DD, or empty for indefinite).
  const schema = useMemo(
    () =>
      suspendInput.extend({ endsAt: suspensionEndField({ invalid: t("suspendEndsAtInvalid"), past: t("suspendEndsAtPast") }) }),
    [t],
  );
  const defaults = { userId, reason: "", endsAt: "" };
  const dialog = useFormDialog(schema, defaults);
  const { form, message } = dialog;
  const suspend = useMutation(
    trpc.users.suspend.mutationOptions({
      onSuccess: () => {
        dialog.close();
        toast.success(t("suspendedToast", { name }));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  const onSubmit = dialog.submit((values) => {
    suspend.mutate(values);
  });

  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant="secondary" aria-label={t("suspendNamed", { name })}>
          {t("suspend")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tca("close")}>
        <DialogHeader>
          <DialogTitle>{t("suspendTitle", { name })}</DialogTitle>
          <DialogDescription>{t("suspendDescription")}</DialogDescription>
        </DialogHeader>
        <form method="post" onSubmit={onSubmit} noValidate>
          <FormErrors form={form} fields={["reason", "endsAt"]} message={message} />
          <TextareaField form={form} name="reason" label={t("suspendReason")} hint={t("suspendReasonHint")} rows={4} />
          <TextField
            form={form}
            name="endsAt"
            type="date"
            className="w-auto"
            label={`${t("suspendEndsAt")} ${tc("optional")}`}
            hint={t("suspendEndsAtHint")}
          />
          <DialogActions>
            <Button type="submit" variant="destructive" pending={suspend.isPending}>
              {t("suspendSubmit")}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
