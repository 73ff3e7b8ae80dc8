"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { useHydrated } from "~/app/_components/ui/submit-button";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { replyInput } from "~/server/schemas/stocktakes";
import { PrefixedErrors, PrefixedTextarea } from "~/app/_components/prefixed-fields";

/** A named organisation's reply to an accepted observation; shown beside it once published. */
export function ReplyForm({
  observationId,
  organization,
  existing,
  headingLevel = "h4",
}: {
  observationId: string;
  organization: { id: string; name: string };
  existing: string | null;
  headingLevel?: "h4" | "h5";
}) {
  const t = useTranslations("stocktakes.reply");
  const tc = useTranslations("clearance.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(replyInput, { observationId, organizationId: organization.id, text: existing ?? "" });
  const prefix = `reply-${observationId}-${organization.id}`;
  const reply = useMutation(
    trpc.stocktakes.reply.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: (data) => {
        if (data.pendingEntryId) toast.success(tc("replyPending"));
        else toast.success(t("published", { name: organization.name }));
        router.refresh();
      },
    }),
  );
  const hydrated = useHydrated();
  const saveDraft = useMutation(
    trpc.clearance.saveReply.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => toast.success(tc("draftSaved", { name: organization.name })),
    }),
  );
  const onSaveDraft = form.handleSubmit((values) => {
    setMessage(null);
    saveDraft.mutate({ reply: values });
  });
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    reply.mutate(values);
  });
  const Heading = headingLevel;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="border-t-4 border-primary pt-4">
      <Heading id={`${prefix}-heading`} className="mb-3 text-base font-bold sm:text-lg">
        {t("title", { name: organization.name })}
      </Heading>
      <PrefixedErrors form={form} prefix={prefix} fields={["text"]} message={message} />
      <PrefixedTextarea
        form={form}
        prefix={prefix}
        name="text"
        label={t("label")}
        hint={existing ? t("hintExisting") : t("hint")}
        rows={5}
        maxLength={5000}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" pending={reply.isPending} disabled={saveDraft.isPending}>
          {t("submit")}
        </Button>
        {/* An organisation draft (issue 17), sent by the page's script: until then it is visibly off. */}
        <Button type="button" variant="secondary" pending={saveDraft.isPending} disabled={reply.isPending || !hydrated} onClick={() => void onSaveDraft()}>
          {tc("saveDraft")}
        </Button>
      </div>
    </form>
  );
}
