"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { ErrorSummary } from "~/app/_components/ui/error-summary";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Textarea } from "~/app/_components/ui/textarea";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { appealCommentInput } from "~/server/schemas/comments";

/**
 * The one appeal against a hidden comment. Several can be on the page (and the suspension appeal
 * too), so the field's id carries the comment's id instead of the shared form helpers' field name.
 */
export function CommentAppealForm({ commentId }: { commentId: string }) {
  const t = useTranslations("account.comments");
  const te = useTranslations("common.errors");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(appealCommentInput, { commentId, text: "" });
  const appeal = useMutation(
    trpc.comments.appeal.mutationOptions({
      onSuccess: () => {
        toast.success(t("appealSent"));
        router.refresh();
      },
      onError: (error) => setMessage(applyServerError(form, error)),
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    appeal.mutate(values);
  });
  const id = `appeal-${commentId}`;
  const error = form.formState.errors.text?.message;
  const hint = t("appealHint");

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="mt-6 max-w-xl">
      <h4 id={`${id}-title`} className="mb-2 text-lg font-bold sm:text-xl">
        {t("appealTitle")}
      </h4>
      <p className="mb-4">{t("appealLead")}</p>
      <ErrorSummary
        key={form.formState.submitCount}
        title={te("problemTitle")}
        headingLevel="h3"
        errors={error ? [{ id, message: error }] : []}
      />
      {message ? (
        <Alert variant="destructive" role="alert" data-testid="form-error" className="mb-6">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
      <Field id={id} label={t("appealText")} hint={hint} error={error} errorPrefix={te("errorPrefix")}>
        <Textarea rows={5} {...fieldAria(id, { hint, error })} {...form.register("text")} />
      </Field>
      <Button type="submit" pending={appeal.isPending} disabled={appeal.isSuccess}>
        {t("appealSubmit")}
      </Button>
    </form>
  );
}
