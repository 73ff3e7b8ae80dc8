"use client";

// Editing an organisation's draft (position, implementation statement or reply). A server-action
// form (../../actions.ts): it works before the page's script has loaded, and without it.
import { useTranslations } from "next-intl";
import { ChoiceGroup, FormProblems, TextareaField, TextField, useActionForm } from "~/app/_components/action-form";
import { type FormValues, initialState, valueOf } from "~/app/_components/action-state";
import { radioClass } from "~/app/_components/prefixed-fields";
import { Button } from "~/app/_components/ui/button";
import { implementationStatuses, stances } from "~/server/schemas/vocabulary";
import { saveDraftAction } from "../../actions";

export function DraftForm({ kind, values }: { kind: "position" | "statement" | "reply"; values: FormValues }) {
  const t = useTranslations("clearance.draft");
  const tv = useTranslations("vocabulary");
  const ts = useTranslations("stocktakes.status");
  const { state, pending, formProps } = useActionForm(saveDraftAction, initialState<true>(values));
  const hidden = ["entryId", "slug", "kind", "organizationId", "normId", "year", "itemId", "observationId"];
  const fields = kind === "position" ? ["stance", "clauses", "statement"] : kind === "statement" ? ["status", "text", "links"] : ["text"];
  const radios = (name: string, options: readonly string[], label: (o: string) => string) =>
    options.map((o, index) => {
      const id = index === 0 ? name : `${name}-${o}`;
      return (
        <div key={o} className="flex items-center gap-3">
          <input type="radio" id={id} name={name} value={o} defaultChecked={valueOf(state.values, name) === o} aria-invalid={state.fieldErrors[name] ? true : undefined} className={radioClass} />
          <label htmlFor={id} className="cursor-pointer">
            {label(o)}
          </label>
        </div>
      );
    });
  return (
    <form {...formProps} className="max-w-2xl" data-testid="draft-form">
      <FormProblems state={state} fields={fields} className="mb-6" />
      {hidden.map((name) => (
        <input key={name} type="hidden" name={name} value={valueOf(state.values, name)} />
      ))}
      {kind === "position" ? (
        <>
          <ChoiceGroup state={state} id="stance" name="stance" legend={t("stance")}>
            <div className="flex flex-col gap-3">{radios("stance", stances, (o) => tv(`stance.${o as "endorse"}`))}</div>
          </ChoiceGroup>
          <TextField state={state} name="clauses" label={t("clauses")} hint={t("clausesHint")} inputMode="numeric" autoComplete="off" />
          <TextareaField state={state} name="statement" label={t("statement")} hint={t("statementHint")} rows={8} maxLength={5000} />
        </>
      ) : kind === "statement" ? (
        <>
          <ChoiceGroup state={state} id="status" name="status" legend={t("status")}>
            <div className="flex flex-col gap-3">{radios("status", implementationStatuses, (o) => ts(o as "implemented"))}</div>
          </ChoiceGroup>
          <TextareaField state={state} name="text" label={t("text")} rows={8} maxLength={5000} />
          <TextareaField state={state} name="links" label={t("links")} hint={t("linksHint")} rows={3} />
        </>
      ) : (
        <TextareaField state={state} name="text" label={t("reply")} rows={8} maxLength={5000} />
      )}
      <Button type="submit" pending={pending} worksWithoutScript>
        {t("save")}
      </Button>
    </form>
  );
}
