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
import { correctionRequestInput } from "~/server/schemas/stocktakes";

/** Anyone signed in asks for a correction to a published observation; request and answer are public. */
export function CorrectionForm({ observationId }: { observationId: string }) {
  const t = useTranslations("stocktakes.observation");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(correctionRequestInput, { observationId, text: "" });
  const prefix = `correction-${observationId}`;
  const request = useMutation(
    trpc.stocktakes.requestCorrection.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => {
        toast.success(t("correctionSent"));
        form.reset({ observationId, text: "" });
        router.refresh();
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    request.mutate(values);
  });
  return (
    <details className="border-t-4 border-border pt-4">
      <summary className="cursor-pointer font-bold">{t("requestCorrection")}</summary>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-3">
        <PrefixedErrors form={form} prefix={prefix} fields={["text"]} message={message} />
        <PrefixedTextarea form={form} prefix={prefix} name="text" label={t("requestCorrection")} hint={t("requestCorrectionHint")} rows={4} maxLength={5000} />
        {/* Sent by the page's script: until it has loaded, the button is visibly off. */}
        <Button type="submit" pending={request.isPending} disabled={!hydrated}>
          {t("requestCorrectionSubmit")}
        </Button>
      </form>
    </details>
  );
}
