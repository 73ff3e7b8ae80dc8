"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "~/app/_components/ui/toaster";
import { FormErrors, TextareaField, useFormDialog } from "~/app/_components/form";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { decideCommentAppealInput } from "~/server/schemas/comments";
import { ActionDialog } from "./action-dialog";

/** "Restore comment" or "Keep hidden": each asks for the note the author will read. */
export function DecideCommentAppeal({ appealId, author, decision }: { appealId: string; author: string; decision: "restore" | "uphold" }) {
  const t = useTranslations("moderation.queue");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useFormDialog(decideCommentAppealInput, { appealId, decision, note: "" });
  const decide = useMutation(
    trpc.moderation.decideAppeal.mutationOptions({
      onSuccess: (result) => {
        dialog.close();
        toast.success(t(result.status === "restored" ? "restored" : "kept"));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  const restore = decision === "restore";
  return (
    <ActionDialog
      dialog={dialog}
      trigger={t(restore ? "restore" : "keep")}
      triggerName={t(restore ? "restoreNamed" : "keepNamed", { name: author })}
      triggerVariant={restore ? "default" : "secondary"}
      title={t(restore ? "restoreTitle" : "keepTitle", { name: author })}
      description={t(restore ? "restoreDescription" : "keepDescription")}
      submit={t(restore ? "restoreSubmit" : "keepSubmit")}
      pending={decide.isPending}
      onSubmit={dialog.submit((values) => decide.mutate(values))}
    >
      <FormErrors form={dialog.form} fields={["note"]} message={dialog.message} />
      <TextareaField form={dialog.form} name="note" label={t("decisionNote")} hint={t("decisionNoteHint")} rows={4} />
    </ActionDialog>
  );
}
