"use client";

import { useTranslations } from "next-intl";
import { FormErrors, TextField, useFormDialog } from "~/app/_components/form";
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
import { deleteAccountInput } from "~/server/schemas/privacy";
import { DialogActions } from "~/app/_components/dialog-actions";

/** Asks for the current password, then deletes the account; the page lists what happens first. */
export function DeleteAccount() {
  const t = useTranslations("account.delete");
  const trpc = useTRPC();
  const dialog = useFormDialog(deleteAccountInput, { password: "" });
  const { form, message } = dialog;
  const remove = useMutation(
    trpc.account.delete.mutationOptions({
      // Every session has ended, this one included; a full load shows the signed-out header.
      onSuccess: () => window.location.assign("/privacy?notice=accountDeleted"),
      onError: dialog.fail,
    }),
  );
  const onSubmit = dialog.submit((values) => remove.mutate(values));

  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant="destructive">
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("confirmTitle")}</DialogTitle>
          <DialogDescription>{t("confirmText")}</DialogDescription>
        </DialogHeader>
        <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
          <FormErrors form={form} fields={["password"]} message={message} />
          <TextField form={form} name="password" label={t("password")} type="password" autoComplete="current-password" />
          <DialogActions>
            <Button type="submit" variant="destructive" pending={remove.isPending} disabled={remove.isSuccess}>
              {t("confirm")}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
