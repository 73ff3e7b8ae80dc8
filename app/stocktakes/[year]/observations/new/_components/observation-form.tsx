"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ChoiceGroup, FormProblems, TextareaField, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { Label } from "~/app/_components/ui/label";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { toast } from "~/app/_components/ui/toast-bus";
import { assessments } from "~/server/schemas/vocabulary";
import { logObservationAction } from "../../../../_components/actions";
import { ASSESSMENT } from "../../../../_components/form-names";

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
  const router = useRouter();
  const { state, pending, formProps } = useActionForm(logObservationAction, initialState());
  const { done } = state;
  useEffect(() => {
    if (!done) return;
    toast.success(t("sent"));
    router.push(`/stocktakes/${year}`);
  }, [done, t, router, year]);

  const orgError = state.fieldErrors.organizationIds;
  const normsError = state.fieldErrors.assessments;
  const ticked = new Set(state.values.organizationIds ?? []);

  return (
    <form {...formProps} className="max-w-[42rem]">
      <FormProblems state={state} fields={fields} />
      <input type="hidden" name="year" value={year} />
      <TextField state={state} name="title" label={t("titleLabel")} hint={t("titleHint")} maxLength={200} />
      <TextareaField state={state} name="description" label={t("description")} hint={t("descriptionHint")} rows={8} maxLength={10000} />
      <TextField state={state} name="occurredOn" type="date" label={t("occurredOn")} hint={t("occurredOnHint")} max={today} className="w-auto" />

      <ChoiceGroup state={state} id="organizationIds" name="organizationIds" legend={t("organisations")} hint={t("organisationsHint")}>
        {organizations.length === 0 ? (
          <p className="text-muted">{t("noOrganisations")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {organizations.map((o, index) => (
              <li key={o.id}>
                <CheckboxField
                  id={index === 0 ? "organizationIds" : `organizationIds-${o.id}`}
                  name="organizationIds"
                  label={o.name}
                  value={o.id}
                  defaultChecked={ticked.has(o.id)}
                  aria-invalid={orgError ? true : undefined}
                />
              </li>
            ))}
          </ul>
        )}
      </ChoiceGroup>

      <TextareaField state={state} name="outsideActors" label={t("outsideActors")} hint={t("outsideActorsHint")} rows={3} />

      <ChoiceGroup state={state} id="assessments" name="assessments" legend={t("norms")} hint={t("normsHint")}>
        <ul className="flex flex-col gap-4">
          {items.map((item, index) => {
            const id = index === 0 ? "assessments" : `assessments-${item.id}`;
            const name = `${ASSESSMENT}${item.id}`;
            return (
              <li key={item.id}>
                <Label htmlFor={id} className="mb-1 font-normal">
                  {item.title}
                </Label>
                <NativeSelect id={id} name={name} defaultValue={valueOf(state.values, name)} aria-invalid={normsError ? true : undefined}>
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
      </ChoiceGroup>

      <TextareaField state={state} name="sources" label={t("sources")} hint={t("sourcesHint")} rows={3} spellCheck={false} />

      <Button type="submit" pending={pending} disabled={Boolean(done)} worksWithoutScript>
        {t("submit")}
      </Button>
    </form>
  );
}
