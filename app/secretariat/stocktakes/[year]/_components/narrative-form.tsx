"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { applyServerError, FormErrors, TextareaField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { narrativeInput } from "~/server/schemas/stocktakes";
import { categoryCodes } from "~/server/schemas/vocabulary";

type Narrative = { summary: string; categories: Record<(typeof categoryCodes)[number], string> };

/** The report's narrative: an executive summary and one section per category, saved as a draft until published. */
export function NarrativeForm({ year, narrative, categoryTitles }: { year: number; narrative: Narrative; categoryTitles: Record<string, string> }) {
  const t = useTranslations("stocktakeAdmin.narrative");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(narrativeInput, { year, summary: narrative.summary, categories: narrative.categories });
  const save = useMutation(
    trpc.stocktakes.saveNarrative.mutationOptions({
      onSuccess: (_result, values) => {
        form.reset(values);
        toast.success(t("saved"));
        router.refresh();
      },
      onError: (error) => setMessage(applyServerError(form, error)),
    }),
  );
  return (
    <form
      method="post"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setMessage(null);
        save.mutate(values);
      })}
    >
      <FormErrors form={form} fields={["summary", ...categoryCodes.map((c) => `categories.${c}` as const)]} message={message} />
      <TextareaField form={form} name="summary" label={t("summary")} hint={t("summaryHint")} rows={8} defaultValue={narrative.summary} />
      {categoryCodes.map((code) => (
        <TextareaField
          key={code}
          form={form}
          name={`categories.${code}`}
          label={t("category", { code })}
          hint={categoryTitles[code] ? t("categoryHint", { title: categoryTitles[code] }) : undefined}
          rows={6}
          defaultValue={narrative.categories[code]}
        />
      ))}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={save.isPending}>
          {t("save")}
        </Button>
        {form.formState.isDirty ? <p className="text-muted">{t("unsaved")}</p> : null}
      </div>
    </form>
  );
}
