"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PrefixedErrors, PrefixedTextarea } from "~/app/_components/prefixed-fields";
import { applyServerError, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { appealCommentInput } from "~/server/schemas/comments";

/** The author's one appeal against hiding their comment. */
export function AppealForm({ commentId }: { commentId: string }) {
  const t = useTranslations("discussion.appeal");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(appealCommentInput, { commentId, text: "" });
  const prefix = `appeal-${commentId}`;
  const appeal = useMutation(
    trpc.comments.appeal.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => {
        toast.success(t("sent"));
        router.refresh();
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    appeal.mutate(values);
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-4">
      <PrefixedErrors form={form} prefix={prefix} message={message} fields={["text"]} />
      <PrefixedTextarea form={form} prefix={prefix} name="text" label={t("label")} hint={t("hint")} rows={4} fieldClassName="mb-4 sm:mb-5" />
      <Button type="submit" variant="secondary" pending={appeal.isPending} disabled={appeal.isSuccess}>
        {t("submit")}
      </Button>
    </form>
  );
}
