"use client";

// The translation form (./actions.ts): a server-action form that works before the page's script has
// loaded, and without it. Each field shows the authoritative wording it translates above it. Its
// words come from the page, so no messages join the client bundle.
import { FormProblems, TextareaField, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState, type FormValues } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Textarea } from "~/app/_components/ui/textarea";
import { translateAction } from "./actions";

const fields = ["language", "title", "summary", "clauses", "rationale"] as const;

export interface TranslateLabels {
  original: string;
  title: string;
  summary: string;
  clauses: string;
  clause: string[];
  rationale: string;
  rationaleHint: string;
  submit: string;
  errorPrefix: string;
}

export function TranslateForm({
  normId,
  version,
  language,
  lang,
  authoritative,
  values,
  labels,
}: {
  normId: string;
  version: number;
  /** The translation's language code, and its `lang` tag. */
  language: string;
  lang: string;
  /** The version's own text and language, shown above each field. */
  authoritative: { language: string; title: string; summary: string; clauses: string[]; rationale: string };
  values: FormValues;
  labels: TranslateLabels;
}) {
  const { state, pending, formProps } = useActionForm(translateAction, initialState(values));
  const sent = state.values.clause;
  const clauses = Array.isArray(sent) ? sent : authoritative.clauses.map(() => "");
  const original = (text: string, multiline = false) => (
    <p className={`mb-2 border-s-4 border-border bg-surface px-3 py-2 text-base text-muted ${multiline ? "whitespace-pre-line" : ""}`} lang={authoritative.language}>
      <span className="sr-only">{labels.original}: </span>
      {text}
    </p>
  );
  const clausesError = state.fieldErrors.clauses;
  return (
    <form {...formProps} className="max-w-[42rem]">
      <FormProblems state={state} fields={fields} className="mb-6" />
      <input type="hidden" name="normId" value={normId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="language" value={language} />
      {state.fieldErrors.language ? (
        <p id="language" className="mb-6 border-s-4 border-destructive ps-4 font-bold text-destructive-strong">
          <span className="sr-only">{labels.errorPrefix} </span>
          {state.fieldErrors.language}
        </p>
      ) : null}
      {original(authoritative.title)}
      <TextField state={state} name="title" label={labels.title} lang={lang} maxLength={200} autoComplete="off" />
      {original(authoritative.summary, true)}
      <TextareaField state={state} name="summary" label={labels.summary} lang={lang} rows={4} maxLength={1000} />
      <fieldset className="mb-6 min-w-0" aria-describedby={clausesError ? "clauses-error" : undefined}>
        <legend className="mb-2 text-lg font-bold">{labels.clauses}</legend>
        {clausesError ? (
          <p id="clauses" tabIndex={-1} className="mb-4 border-s-4 border-destructive ps-4 font-bold text-destructive-strong">
            <span id="clauses-error">
              <span className="sr-only">{labels.errorPrefix} </span>
              {clausesError}
            </span>
          </p>
        ) : null}
        {authoritative.clauses.map((text, i) => (
          <div key={i}>
            {original(text, true)}
            <Field id={`clause-${i + 1}`} label={labels.clause[i] ?? String(i + 1)}>
              <Textarea name="clause" lang={lang} rows={4} maxLength={5000} defaultValue={clauses[i] ?? ""} {...fieldAria(`clause-${i + 1}`, {})} />
            </Field>
          </div>
        ))}
      </fieldset>
      {authoritative.rationale ? (
        <>
          {original(authoritative.rationale, true)}
          <TextareaField state={state} name="rationale" label={labels.rationale} hint={labels.rationaleHint} lang={lang} rows={6} maxLength={10000} />
        </>
      ) : (
        <input type="hidden" name="rationale" value="" />
      )}
      <Button type="submit" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}
