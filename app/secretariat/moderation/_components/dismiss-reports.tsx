"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "~/app/_components/ui/toaster";
import { FormErrors, TextareaField, useFormDialog } from "~/app/_components/form";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { dismissReportsInput } from "~/server/schemas/comments";
import { ActionDialog } from "./action-dialog";

export function DismissReports({ commentId, author }: { commentId: string; author: string }) {
  const t = useTranslations("moderation.queue");
  const tc = useTranslations("common.forms");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useFormDialog(dismissReportsInput, { commentId, note: "" });
  const dismiss = useMutation(
    trpc.moderation.dismissReports.mutationOptions({
      onSuccess: () => {
        dialog.close();
        toast.success(t("dismissed"));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  return (
    <ActionDialog
      dialog={dialog}
      trigger={t("dismiss")}
      triggerName={t("dismissNamed", { name: author })}
      title={t("dismissTitle", { name: author })}
      description={t("dismissDescription")}
      submit={t("dismissSubmit")}
      pending={dismiss.isPending}
      onSubmit={dialog.submit((values) => dismiss.mutate(values))}
    >
      <FormErrors form={dialog.form} fields={["note"]} message={dialog.message} />
      <TextareaField
        form={dialog.form}
        name="note"
        label={`${t("dismissNote")} ${tc("optional")}`}
        hint={t("dismissNoteHint")}
        rows={3}
      />
    </ActionDialog>
  );
}
