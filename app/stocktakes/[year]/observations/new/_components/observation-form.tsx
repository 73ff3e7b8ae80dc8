"use client";

import Link from "~/app/_components/link";
import { useRouter } from "next/navigation";
import { localizePath } from "~/server/i18n/paths";
import { useTranslations, useLocale } from "next-intl";
import { useEffect } from "react";
import { ChoiceGroup, FormProblems, TextField, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { radioClass } from "~/app/_components/prefixed-fields";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Label } from "~/app/_components/ui/label";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { toast } from "~/app/_components/ui/toast-bus";
import { assessments, attributionStatuses, confidenceLevels, evidenceTypes } from "~/server/schemas/vocabulary";
import { logObservationAction } from "../../../../_components/actions";
import { ACTOR_ROWS, ASSESSMENT, SOURCE_ROWS } from "../../../../_components/form-names";

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
const fields = [
  "title",
  "description",
  "occurredOn",
  "occurredUntil",
  "actors",
  ...rows(ACTOR_ROWS).map((i) => `actor-${i}`),
  "attributionStatus",
  "attributedBy",
  "attributionSource",
  "confidence",
  "evidenceType",
  "assessments",
  ...rows(SOURCE_ROWS).flatMap((i) => [`sourceUrl-${i}`, `sourceArchive-${i}`]),
] as const;

/**
 * A behaviour observation coded to the current codebook: what happened, when, its actors, how it
 * was attributed, confidence and evidence, the norms it bears on, and its sources. The actor and
 * source rows are a fixed number of blank rows, so the form works without script.
 */
export function ObservationForm({
  year,
  items,
  organizations,
  states,
  today,
}: {
  year: number;
  items: { id: string; title: string }[];
  organizations: { id: string; name: string }[];
  states: { code: string; name: string }[];
  today: string;
}) {
  const t = useTranslations("stocktakes.observationForm");
  const tc = useTranslations("common.errors");
  const router = useRouter();
  const locale = useLocale();
  const { state, pending, formProps } = useActionForm(logObservationAction, initialState());
  const { done } = state;
  useEffect(() => {
    if (!done) return;
    toast.success(t("sent"));
    router.push(localizePath(`/stocktakes/${year}`, locale));
  }, [done, t, router, year, locale]);

  const normsError = state.fieldErrors.assessments;
  const radios = (name: string, values: readonly string[], label: (v: string) => string) => (
    <div className="flex flex-col gap-3">
      {values.map((v, i) => (
        <div key={v} className="flex items-start gap-3">
          <input
            type="radio"
            id={i === 0 ? name : `${name}-${v}`}
            name={name}
            value={v}
            defaultChecked={valueOf(state.values, name) === v}
            aria-invalid={state.fieldErrors[name] ? true : undefined}
            className={radioClass}
          />
          <label htmlFor={i === 0 ? name : `${name}-${v}`} className="cursor-pointer">
            {label(v)}
          </label>
        </div>
      ))}
    </div>
  );

  return (
    <form {...formProps} className="max-w-[42rem]">
      <FormProblems state={state} fields={fields} />
      <input type="hidden" name="year" value={year} />
      <p className="mb-6">
        {t.rich("codebookNote", { link: (chunks) => <Link href="/about/codebook">{chunks}</Link> })}
      </p>
      <TextField state={state} name="title" label={t("titleLabel")} hint={t("titleHint")} maxLength={200} />
      <TextareaField state={state} name="description" label={t("description")} hint={t("descriptionHint")} rows={8} maxLength={10000} />
      <TextField state={state} name="occurredOn" type="date" label={t("occurredOn")} hint={t("occurredOnHint")} max={today} className="w-auto" />
      <TextField state={state} name="occurredUntil" type="date" label={t("occurredUntil")} hint={t("occurredUntilHint")} max={today} className="w-auto" />

      <fieldset className="mb-8" aria-describedby="actors-hint">
        <legend id="actors" className="mb-2 text-lg font-bold sm:text-xl">
          {t("actors")}
        </legend>
        <p id="actors-hint" className="mb-4 text-muted">
          {t("actorsHint")}
        </p>
        {state.fieldErrors.actors ? (
          <p className="mb-4 border-s-4 border-destructive ps-4 font-bold text-destructive-strong">
            <span className="sr-only">{tc("errorPrefix")} </span>
            {state.fieldErrors.actors}
          </p>
        ) : null}
        {rows(ACTOR_ROWS).map((i) => (
          <div key={i} className="mb-4 border-s-4 border-border ps-4" data-testid={`actor-row-${i}`}>
            <Field id={`actor-${i}`} label={t("actorLabel", { n: i + 1 })} error={state.fieldErrors[`actor-${i}`]} errorPrefix={tc("errorPrefix")}>
              <NativeSelect name={`actor-${i}`} defaultValue={valueOf(state.values, `actor-${i}`)} {...fieldAria(`actor-${i}`, { error: state.fieldErrors[`actor-${i}`] })}>
                <option value="">{t("actorNone")}</option>
                <option value="unattributed">{t("actorUnattributed")}</option>
                <optgroup label={t("actorOrganisations")}>
                  {organizations.map((o) => (
                    <option key={o.id} value={`org:${o.id}`}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("actorStates")}>
                  {states.map((s) => (
                    <option key={s.code} value={`state:${s.code}`}>
                      {t("stateOption", { name: s.name, code: s.code })}
                    </option>
                  ))}
                </optgroup>
              </NativeSelect>
            </Field>
            <TextField state={state} name={`actorLabel-${i}`} label={t("actorDescription")} hint={i === 0 ? t("actorDescriptionHint") : undefined} maxLength={200} />
          </div>
        ))}
      </fieldset>

      <ChoiceGroup state={state} id="attributionStatus" name="attributionStatus" legend={t("attributionStatus")} hint={t("attributionStatusHint")}>
        {radios("attributionStatus", attributionStatuses, (v) => t(`attribution.${v as (typeof attributionStatuses)[number]}`))}
      </ChoiceGroup>
      <TextField state={state} name="attributedBy" label={t("attributedBy")} hint={t("attributedByHint")} maxLength={200} />
      <TextField state={state} name="attributionSource" label={t("attributionSource")} hint={t("attributionSourceHint")} maxLength={500} />

      <ChoiceGroup state={state} id="confidence" name="confidence" legend={t("confidence")} hint={t("confidenceHint")}>
        {radios("confidence", confidenceLevels, (v) => t(`confidenceLevel.${v as (typeof confidenceLevels)[number]}`))}
      </ChoiceGroup>

      <Field id="evidenceType" label={t("evidenceType")} hint={t("evidenceTypeHint")} error={state.fieldErrors.evidenceType} errorPrefix={tc("errorPrefix")}>
        <NativeSelect name="evidenceType" defaultValue={valueOf(state.values, "evidenceType")} {...fieldAria("evidenceType", { hint: true, error: state.fieldErrors.evidenceType })}>
          <option value="">{t("evidenceChoose")}</option>
          {evidenceTypes.map((e) => (
            <option key={e} value={e}>
              {t(`evidence.${e}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>

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

      <fieldset className="mb-8" aria-describedby="sources-hint">
        <legend id="sources" className="mb-2 text-lg font-bold sm:text-xl">
          {t("sources")}
        </legend>
        <p id="sources-hint" className="mb-4 text-muted">
          {t("sourcesHint")}
        </p>
        {rows(SOURCE_ROWS).map((i) => (
          <div key={i} className="mb-4 border-s-4 border-border ps-4">
            <TextField state={state} name={`sourceUrl-${i}`} type="url" label={t("sourceUrl", { n: i + 1 })} spellCheck={false} />
            <TextField state={state} name={`sourceArchive-${i}`} type="url" label={t("sourceArchive")} spellCheck={false} />
          </div>
        ))}
      </fieldset>

      <Button type="submit" pending={pending} disabled={Boolean(done)} worksWithoutScript>
        {t("submit")}
      </Button>
    </form>
  );
}
