"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import { toast } from "~/app/_components/ui/toaster";
import { FormErrors, SelectField, TextareaField, useFormDialog } from "~/app/_components/form";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { houseRules } from "~/server/domain/house-rules";
import { hideCommentInput } from "~/server/schemas/comments";
import { ActionDialog } from "./action-dialog";

export function HideComment({ commentId, author }: { commentId: string; author: string }) {
  const t = useTranslations("moderation.queue");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useFormDialog(hideCommentInput, { commentId, rule: undefined, note: "" });
  const hide = useMutation(
    trpc.moderation.hide.mutationOptions({
      onSuccess: () => {
        dialog.close();
        toast.success(t("hidden"));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  return (
    <ActionDialog
      dialog={dialog}
      trigger={t("hide")}
      triggerName={t("hideNamed", { name: author })}
      triggerVariant="destructive-secondary"
      title={t("hideTitle", { name: author })}
      description={t("hideDescription")}
      submit={t("hideSubmit")}
      submitVariant="destructive"
      pending={hide.isPending}
      onSubmit={dialog.submit((values) => hide.mutate(values))}
    >
      <FormErrors form={dialog.form} fields={["rule", "note"]} message={dialog.message} />
      <RuleField form={dialog.form} />
      <TextareaField form={dialog.form} name="note" label={t("note")} hint={t("noteHint")} rows={4} />
    </ActionDialog>
  );
}

/** The house rule a decision cites, as "HR-2: Respect people". */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function RuleField<T extends FieldValues>({ form }: { form: UseFormReturn<T, any, any> }) {
  const t = useTranslations("moderation.queue");
  const tr = useTranslations("houseRules");
  return (
    <SelectField
      form={form}
      name={"rule" as FieldPath<T>}
      label={t("houseRule")}
      placeholder={t("rulePlaceholder")}
      options={houseRules.map((r) => ({ value: r.id, label: t("ruleOption", { id: r.id, title: tr(`${r.id}.title`) }) }))}
    />
  );
}
