"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { z } from "zod";
import { applyServerError, FormErrors, TextareaField, TextField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { cn } from "~/app/_components/ui/cn";
import { FieldError, FieldHint } from "~/app/_components/ui/field";
import { Label } from "~/app/_components/ui/label";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { errorOf, linesOf } from "~/app/_components/prefixed-fields";
import { observationInput } from "~/server/schemas/stocktakes";
import { assessments } from "~/server/schemas/vocabulary";

const fields = ["title", "description", "occurredOn", "organizationIds", "outsideActors", "assessments", "sources"] as const;

/** A behaviour observation: what happened, who was involved, the norms it bears on, and sources. */
export function ObservationForm({
  year,
  items,
  organizations,
  today,
}: {
  year: number;
  items: { id: string; title: string }[];
  organizations: { id: string; name: string }[];
  today: string;
}) {
  const t = useTranslations("stocktakes.observationForm");
  const te = useTranslations("common.errors");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);

  // The form's own shape (lines of text, a choice per norm) turned into the procedure's input.
  const schema = useMemo(() => {
    const lineError = (value: string, m: string) => t("lineError", { value, message: m });
    return observationInput
      .extend({
        organizationIds: z.preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []), observationInput.shape.organizationIds),
        outsideActors: linesOf(z.array(z.string().min(2, t("actorShort")).max(200, t("actorLong"))).max(20, t("actorsMany")), lineError),
        sources: linesOf(observationInput.shape.sources, lineError),
        assessments: z
          .array(z.object({ itemId: z.string(), assessment: z.enum(["", ...assessments]) }))
          .transform((list) => list.flatMap((a) => (a.assessment === "" ? [] : [{ itemId: a.itemId, assessment: a.assessment }])))
          .pipe(observationInput.shape.assessments),
      })
      .superRefine((v, ctx) => {
        if (v.organizationIds.length + v.outsideActors.length === 0) ctx.addIssue({ code: "custom", path: ["organizationIds"], message: t("noActor") });
      });
  }, [t]);

  const form = useZodForm(schema, {
    year,
    title: "",
    description: "",
    occurredOn: "",
    organizationIds: [],
    outsideActors: "",
    assessments: items.map((i) => ({ itemId: i.id, assessment: "" as const })),
    sources: "",
  });

  const log = useMutation(
    trpc.stocktakes.logObservation.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => {
        toast.success(t("sent"));
        router.push(`/stocktakes/${year}`);
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    log.mutate(values);
  });

  const orgError = errorOf(form, "organizationIds");
  const normsError = errorOf(form, "assessments");

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-[42rem]">
      <FormErrors form={form} fields={[...fields]} message={message} />
      <TextField form={form} name="title" label={t("titleLabel")} hint={t("titleHint")} maxLength={200} />
      <TextareaField form={form} name="description" label={t("description")} hint={t("descriptionHint")} rows={8} maxLength={10000} />
      <TextField form={form} name="occurredOn" type="date" label={t("occurredOn")} hint={t("occurredOnHint")} max={today} className="w-auto" />

      <div className={cn("mb-6 sm:mb-8", orgError && "border-s-4 border-destructive ps-4")} data-invalid={orgError ? "true" : undefined}>
        <fieldset aria-describedby={["organizationIds-hint", orgError ? "organizationIds-error" : null].filter(Boolean).join(" ")}>
          <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("organisations")}</legend>
          <FieldHint id="organizationIds-hint">{t("organisationsHint")}</FieldHint>
          {orgError ? (
            <FieldError id="organizationIds-error" prefix={te("errorPrefix")}>
              {orgError}
            </FieldError>
          ) : null}
          {organizations.length === 0 ? (
            <p className="text-muted">{t("noOrganisations")}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {organizations.map((o, index) => (
                <li key={o.id}>
                  <CheckboxField
                    id={index === 0 ? "organizationIds" : `organizationIds-${o.id}`}
                    label={o.name}
                    value={o.id}
                    aria-invalid={orgError ? true : undefined}
                    {...form.register("organizationIds")}
                  />
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </div>

      <TextareaField form={form} name="outsideActors" label={t("outsideActors")} hint={t("outsideActorsHint")} rows={3} />

      <div className={cn("mb-6 sm:mb-8", normsError && "border-s-4 border-destructive ps-4")} data-invalid={normsError ? "true" : undefined}>
        <fieldset aria-describedby={["assessments-hint", normsError ? "assessments-error" : null].filter(Boolean).join(" ")}>
          <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("norms")}</legend>
          <FieldHint id="assessments-hint">{t("normsHint")}</FieldHint>
          {normsError ? (
            <FieldError id="assessments-error" prefix={te("errorPrefix")}>
              {normsError}
            </FieldError>
          ) : null}
          <ul className="flex flex-col gap-4">
            {items.map((item, index) => {
              const id = index === 0 ? "assessments" : `assessments-${item.id}`;
              return (
                <li key={item.id}>
                  <Label htmlFor={id} className="mb-1 font-normal">
                    {item.title}
                  </Label>
                  <NativeSelect id={id} aria-invalid={normsError ? true : undefined} {...form.register(`assessments.${index}.assessment`)}>
                    <option value="">{t("notRelevant")}</option>
                    {assessments.map((a) => (
                      <option key={a} value={a}>
                        {t(`assessment.${a}`)}
                      </option>
                    ))}
                  </NativeSelect>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </div>

      <TextareaField form={form} name="sources" label={t("sources")} hint={t("sourcesHint")} rows={3} spellCheck={false} />

      <Button type="submit" pending={log.isPending} disabled={log.isSuccess}>
        {t("submit")}
      </Button>
    </form>
  );
}
