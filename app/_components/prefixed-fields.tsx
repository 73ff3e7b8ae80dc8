"use client";

// Fields for pages that hold several forms at once (a statement per norm, a reply per observation,
// the comment forms of a discussion): the shared fields in form.tsx use the field's name as its id,
// so these prefix it ("<prefix>-<name>") to keep ids unique on the page.
import { useTranslations } from "next-intl";
import type * as React from "react";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { ErrorSummary } from "~/app/_components/ui/error-summary";
import { ChoiceFieldset, Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { Textarea } from "~/app/_components/ui/textarea";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FormOf<T extends FieldValues> = UseFormReturn<T, any, any>;

export function errorOf<T extends FieldValues>(form: FormOf<T>, name: FieldPath<T>): string | undefined {
  const error = name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors);
  return (error as { message?: string } | undefined)?.message;
}

/** The error summary for one of several forms on a page; links go to the prefixed ids. */
export function PrefixedErrors<T extends FieldValues>({
  form,
  prefix,
  fields,
  message,
}: {
  form: FormOf<T>;
  prefix: string;
  fields: FieldPath<T>[];
  message?: string | null;
}) {
  const t = useTranslations("common.errors");
  const errors = fields.flatMap((name) => {
    const m = errorOf(form, name);
    return m ? [{ id: `${prefix}-${name}`, message: m }] : [];
  });
  return (
    <>
      <ErrorSummary key={form.formState.submitCount} title={t("problemTitle")} errors={errors} headingLevel="h3" />
      {message ? (
        <Alert variant="destructive" role="alert" className="mb-6" data-testid="form-error">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}

interface PrefixedFieldProps<T extends FieldValues> {
  form: FormOf<T>;
  prefix: string;
  name: FieldPath<T>;
  label: React.ReactNode;
  hint?: React.ReactNode;
  /** Classes for the field's wrapper (label, hint, error and control), such as tighter spacing. */
  fieldClassName?: string;
}

export function PrefixedTextarea<T extends FieldValues>({
  form,
  prefix,
  name,
  label,
  hint,
  fieldClassName,
  ...props
}: PrefixedFieldProps<T> & Omit<React.ComponentProps<"textarea">, "name" | "form">) {
  const t = useTranslations("common.errors");
  const id = `${prefix}-${name}`;
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")} className={fieldClassName}>
      <Textarea {...props} {...fieldAria(id, { hint, error })} {...form.register(name)} />
    </Field>
  );
}

export function PrefixedSelect<T extends FieldValues>({
  form,
  prefix,
  name,
  label,
  hint,
  fieldClassName,
  options,
}: PrefixedFieldProps<T> & { options: readonly { value: string; label: string }[] }) {
  const t = useTranslations("common.errors");
  const id = `${prefix}-${name}`;
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")} className={fieldClassName}>
      <NativeSelect {...fieldAria(id, { hint, error })} {...form.register(name)} className="w-full sm:w-auto">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}

export const radioClass =
  "m-0 size-7 shrink-0 cursor-pointer appearance-none rounded-full border-2 border-foreground bg-background checked:bg-foreground checked:shadow-[inset_0_0_0_5px_var(--color-background)] aria-invalid:border-destructive disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-offset-0 focus-visible:shadow-[0_0_0_5px_var(--color-foreground),inset_0_0_0_5px_var(--color-background)]";

/** A GOV.UK-style radio group; the first radio carries the group's id so the error summary can reach it. */
export function RadioGroup<T extends FieldValues>({
  form,
  prefix,
  name,
  legend,
  hint,
  options,
}: {
  form: FormOf<T>;
  prefix: string;
  name: FieldPath<T>;
  legend: React.ReactNode;
  hint?: React.ReactNode;
  options: { value: string; label: string }[];
}) {
  const t = useTranslations("common.errors");
  const id = `${prefix}-${name}`;
  const error = errorOf(form, name);
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} error={error} errorPrefix={t("errorPrefix")}>
      <div className="flex flex-col gap-3">
        {options.map((o, index) => {
          const optionId = index === 0 ? id : `${id}-${o.value}`;
          return (
            <div key={o.value} className="flex items-center gap-3">
              <input type="radio" id={optionId} value={o.value} aria-invalid={error ? true : undefined} className={radioClass} {...form.register(name)} />
              <label htmlFor={optionId} className="cursor-pointer">
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}
