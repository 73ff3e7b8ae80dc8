"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "~/app/_components/ui/toaster";
import { FormErrors, TextareaField, useFormDialog } from "~/app/_components/form";
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
import { liftSuspensionInput } from "~/server/schemas/users";
import { DialogActions } from "~/app/_components/dialog-actions";

export function LiftSuspensionDialog({ suspensionId, name }: { suspensionId: string; name: string }) {
  const t = useTranslations("secretariat.users");
  const tc = useTranslations("common.forms");
  const tca = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
    const defaults = { suspensionId, reason: "" };
  const dialog = useFormDialog(liftSuspensionInput, defaults);
  const { form, message } = dialog;
  const lift = useMutation(
    trpc.users.liftSuspension.mutationOptions({
      onSuccess: () => {
        dialog.close();
        toast.success(t("liftedToast", { name }));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  const onSubmit = dialog.submit((values) => {
    lift.mutate(values);
  });

  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant="secondary" aria-label={t("liftNamed", { name })}>
          {t("lift")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tca("close")}>
        <DialogHeader>
          <DialogTitle>{t("liftTitle", { name })}</DialogTitle>
          <DialogDescription>{t("liftDescription")}</DialogDescription>
        </DialogHeader>
        <form method="post" onSubmit={onSubmit} noValidate>
          <FormErrors form={form} fields={["reason"]} message={message} />
          <TextareaField form={form} name="reason" label={`${t("liftNote")} ${tc("optional")}`} hint={t("liftNoteHint")} rows={3} />
          <DialogActions>
            <Button type="submit" pending={lift.isPending}>
              {t("liftSubmit")}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
