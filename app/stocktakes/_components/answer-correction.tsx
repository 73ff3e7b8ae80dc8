"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, useZodForm } from "~/app/_components/form";
import { PrefixedErrors, PrefixedTextarea } from "~/app/_components/prefixed-fields";
import { Button } from "~/app/_components/ui/button";
import { useHydrated } from "~/app/_components/ui/submit-button";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { correctionAnswerInput } from "~/server/schemas/stocktakes";

/** The secretariat's public answer to a correction request. */
export function AnswerCorrection({ correctionId }: { correctionId: string }) {
  const t = useTranslations("stocktakes.corrections");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(correctionAnswerInput, { correctionId, answer: "" });
  const prefix = `answer-${correctionId}`;
  const answer = useMutation(
    trpc.stocktakes.answerCorrection.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => {
        toast.success(t("answered"));
        router.refresh();
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    answer.mutate(values);
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-4 border-t-4 border-primary pt-4">
      <PrefixedErrors form={form} prefix={prefix} fields={["answer"]} message={message} />
      <PrefixedTextarea form={form} prefix={prefix} name="answer" label={t("answerLabel")} hint={t("answerHint")} rows={4} maxLength={5000} />
      {/* Sent by the page's script: until it has loaded, the button is visibly off. */}
      <Button type="submit" pending={answer.isPending} disabled={!hydrated}>
        {t("answerSubmit")}
      </Button>
    </form>
  );
}
