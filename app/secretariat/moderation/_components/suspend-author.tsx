"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { FormErrors, TextareaField, TextField, useFormDialog } from "~/app/_components/form";
import { useTRPC } from "~/app/_trpc/react";
import { suspendAuthorInput } from "~/server/schemas/comments";
import { ActionDialog } from "./action-dialog";
import { RuleField } from "./hide-comment";

/** The end of a calendar day in UTC: a suspension "until 12 May" lasts all of 12 May. */
const endOfDayUtc = (day: string) => new Date(`${day}T23:59:59.999Z`);

export function SuspendAuthor({ commentId, author }: { commentId: string; author: string }) {
  const t = useTranslations("moderation.queue");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  // The form holds the date as the date input gives it (YYYY-MM-DD, or empty for indefinite).
  const schema = useMemo(
    () =>
      suspendAuthorInput.extend({
        endsAt: z
          .string()
          .refine((v) => v === "" || !Number.isNaN(endOfDayUtc(v).getTime()), t("suspendEndsAtInvalid"))
          .refine((v) => v === "" || endOfDayUtc(v) > new Date(), t("suspendEndsAtPast"))
          .transform((v) => (v === "" ? null : endOfDayUtc(v))),
      }),
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
