"use client";

// Forms that post to a server action (docs/performance.md, "Page budgets"): the form is HTML the
// browser can send by itself, before the page's script has loaded or without it; once the script
// is there, React sends it and shows the answer in place. Validation is the procedure's own, on the
// server; its messages come back next to their fields. No form or schema library in the browser.
import { useTranslations } from "next-intl";
import type * as React from "react";
import { startTransition, useActionState, useEffect, useState } from "react";
import { type ActionState, valueOf } from "./action-state";
import { Alert, AlertDescription } from "./ui/alert";
import { ErrorSummary } from "./ui/error-summary";
import { ChoiceFieldset, Field, fieldAria } from "./ui/field";
import { Input } from "./ui/input";
import { Textarea } from "./ui/textarea";

type Action<Done> = (previous: ActionState<Done>, formData: FormData) => Promise<ActionState<Done>>;

/**
 * A form's state and props for a server action. With script, the submit is sent by React without
 * its reset of the fields afterwards (a refused form keeps what was typed, passwords included); a
 * `redirectTo` in the answer is loaded in full.
 */
export function useActionForm<Done>(action: Action<Done>, initial: ActionState<Done>) {
  const [state, dispatch, pending] = useActionState(action, initial);
  // The `intent` of the last submit (a page's second form posts to the same action).
  const [intent, setIntent] = useState<string | null>(null);
  const { redirectTo } = state;
  useEffect(() => {
    if (redirectTo !== undefined) window.location.assign(redirectTo);
  }, [redirectTo]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // With the button that sent it (its name and value), as the browser would send it.
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter ?? null);
    const sent = formData.get("intent");
    setIntent(typeof sent === "string" ? sent : null);
    startTransition(() => dispatch(formData));
  };
  return {
    state,
    /** Under way, or done and on its way to the next page. */
    pending: pending || redirectTo !== undefined,
    /** Whether a submit with this `intent` (null: none) is under way. */
    sending: (which: string | null) => pending && intent === which,
    formProps: { action: dispatch, onSubmit, noValidate: true } as const,
  };
}

/** The summary of the answer's field errors, linking to each field, and a message not about one. */
export function FormProblems({
  state,
  fields,
  prefix,
  headingLevel,
  className,
}: {
  state: ActionState<unknown>;
  /** The form's fields in page order. */
  fields: readonly string[];
  /** The prefix of the fields' ids, for a page with several forms. */
  prefix?: string;
  headingLevel?: "h2" | "h3";
  className?: string;
}) {
  const t = useTranslations("common.errors");
  const errors = fields.flatMap((name) => {
    const message = state.fieldErrors[name];
    return message ? [{ id: prefix ? `${prefix}-${name}` : name, message }] : [];
  });
  return (
    <>
      <ErrorSummary key={state.n} title={t("problemTitle")} errors={errors} headingLevel={headingLevel} />
      {state.message ? (
        <Alert variant="destructive" role="alert" className={className} data-testid="form-error">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}

interface FieldProps {
  state: ActionState<unknown>;
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  /** The control's id when it is not the name (several forms on a page). */
  id?: string;
  fieldClassName?: string;
}

/** A labelled input, its hint and the server's message for it; filled again with what was sent. */
export function TextField({ state, name, label, hint, id = name, fieldClassName, ...props }: FieldProps & Omit<React.ComponentProps<"input">, "name" | "id">) {
  const t = useTranslations("common.errors");
  const error = state.fieldErrors[name];
  return (
    <Field id={id} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")} className={fieldClassName}>
      <Input {...props} name={name} {...fieldAria(id, { hint, error })} defaultValue={props.type === "password" ? undefined : valueOf(state.values, name)} />
    </Field>
  );
}

export function TextareaField({ state, name, label, hint, id = name, fieldClassName, ...props }: FieldProps & Omit<React.ComponentProps<"textarea">, "name" | "id">) {
  const t = useTranslations("common.errors");
  const error = state.fieldErrors[name];
  return (
    <Field id={id} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")} className={fieldClassName}>
      <Textarea {...props} name={name} {...fieldAria(id, { hint, error })} defaultValue={valueOf(state.values, name)} />
    </Field>
  );
}

/**
 * A group of choices (radios or checkboxes) with its legend, hint and message; the first control
 * carries the group's id so the error summary can reach it.
 */
export function ChoiceGroup({
  state,
  id,
  name,
  legend,
  hint,
  children,
}: {
  state: ActionState<unknown>;
  id: string;
  name: string;
  legend: React.ReactNode;
  hint?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = useTranslations("common.errors");
  const error = state.fieldErrors[name];
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} error={error} errorPrefix={t("errorPrefix")}>
      {children}
    </ChoiceFieldset>
  );
}
