"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextareaField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { cn } from "~/app/_components/ui/cn";
import { FieldError, FieldHint } from "~/app/_components/ui/field";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { correctReferenceNormInput } from "~/server/schemas/references";
import type { CategoryCode } from "~/server/schemas/vocabulary";

interface Props {
  id: string;
  text: string;
  categories: CategoryCode[];
  options: { code: CategoryCode; title: string }[];
}

/** For administrators: corrects a reference norm's text and/or categories, with a reason. */
export function CorrectionForm({ id, text, categories, options }: Props) {
  const t = useTranslations("reference.corrections");
  const te = useTranslations("common.errors");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(correctReferenceNormInput, { id, text, categories, reason: "" });
  const correct = useMutation(
    trpc.references.correct.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => {
        toast.success(t("saved"));
        form.reset({ ...form.getValues(), reason: "" });
        router.refresh();
      },
    }),
  );
  const categoriesError = (form.formState.errors.categories as { message?: string } | undefined)?.message;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setMessage(null);
        correct.mutate(values);
      })}
    >
      <FormErrors form={form} message={message} fields={["text", "categories", "reason"]} />
      <TextareaField form={form} name="text" label={t("text")} hint={t("textHint")} rows={6} maxLength={5000} className="field-sizing-content" />
      <div className={cn("mb-6 sm:mb-8", categoriesError && "border-s-4 border-destructive ps-4")} data-invalid={categoriesError ? "true" : undefined}>
        <fieldset aria-describedby={["categories-hint", categoriesError ? "categories-error" : null].filter(Boolean).join(" ")}>
          <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("categories")}</legend>
          <FieldHint id="categories-hint">{t("categoriesHint")}</FieldHint>
          {categoriesError ? (
            <FieldError id="categories-error" prefix={te("errorPrefix")}>
              {categoriesError}
            </FieldError>
          ) : null}
          <div className="flex flex-col gap-4">
            {options.map((c, index) => (
              <CheckboxField
                key={c.code}
                id={index === 0 ? "categories" : `categories-${c.code}`}
                value={c.code}
                aria-invalid={categoriesError ? true : undefined}
                label={t("categoryLabel", { code: c.code, title: c.title })}
                {...form.register("categories")}
              />
            ))}
          </div>
        </fieldset>
      </div>
      <TextareaField form={form} name="reason" label={t("reasonLabel")} hint={t("reasonHint")} rows={3} maxLength={1000} />
      <Button type="submit" pending={correct.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
