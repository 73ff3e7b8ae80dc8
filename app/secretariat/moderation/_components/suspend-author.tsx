"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { suspensionEndField } from "~/app/_components/suspension-end";
import { FormErrors, TextareaField, TextField, useFormDialog } from "~/app/_components/form";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { suspendAuthorInput } from "~/server/schemas/comments";
import { ActionDialog } from "./action-dialog";
import { RuleField } from "./hide-comment";

export function SuspendAuthor({ commentId, author }: { commentId: string; author: string }) {
  const t = useTranslations("moderation.queue");
  const tc = useTranslations("common.forms");
  const trpc = useTRPC();
  const router = useRouter();
  // The form holds the date as the date input gives it (YYYY-MM-DD, or empty for indefinite).
  const schema = useMemo(
    () =>
      suspendAuthorInput.extend({ endsAt: suspensionEndField({ invalid: t("suspendEndsAtInvalid"), past: t("suspendEndsAtPast") }) }),
    [t],
  );
  const dialog = useFormDialog(schema, { commentId, rule: undefined, reason: "", endsAt: "" });
  const suspend = useMutation(
    trpc.moderation.suspendAuthor.mutationOptions({
      onSuccess: () => {
        dialog.close();
        toast.success(t("suspended", { name: author }));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  return (
    <ActionDialog
      dialog={dialog}
      trigger={t("suspend")}
      triggerName={t("suspendNamed", { name: author })}
      title={t("suspendTitle", { name: author })}
      description={t("suspendDescription")}
      submit={t("suspendSubmit")}
      submitVariant="destructive"
      pending={suspend.isPending}
      onSubmit={dialog.submit((values) => suspend.mutate(values))}
    >
      <FormErrors form={dialog.form} fields={["rule", "reason", "endsAt"]} message={dialog.message} />
      <RuleField form={dialog.form} />
      <TextareaField form={dialog.form} name="reason" label={t("suspendReason")} hint={t("suspendReasonHint")} rows={4} />
      <TextField
        form={dialog.form}
        name="endsAt"
        type="date"
        className="w-auto"
        label={`${t("suspendEndsAt")} ${tc("optional")}`}
        hint={t("suspendEndsAtHint")}
      />
    </ActionDialog>
  );
}
