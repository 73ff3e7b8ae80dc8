"use client";

// Form fields for the discussion. Several comment forms can be open on one page at once (a reply,
// an edit, the new comment), so each field takes its own id instead of using the field's name.
import { useTranslations } from "next-intl";
import type * as React from "react";
import { type FieldPath, type FieldValues, get, type UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { ErrorSummary } from "~/app/_components/ui/error-summary";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { Textarea } from "~/app/_components/ui/textarea";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FormOf<T extends FieldValues> = UseFormReturn<T, any, any>;

const errorOf = <T extends FieldValues>(form: FormOf<T>, name: FieldPath<T>) =>
  (get(form.formState.errors, name) as { message?: string } | undefined)?.message;

interface FieldProps<T extends FieldValues> {
  form: FormOf<T>;
  name: FieldPath<T>;
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
}

export function DiscussionTextarea<T extends FieldValues>({
  form,
  name,
  id,
  label,
  hint,
  ...props
}: FieldProps<T> & Omit<React.ComponentProps<"textarea">, "name" | "form" | "id">) {
  const t = useTranslations("common.errors");
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")} className="mb-4 sm:mb-5">
      <Textarea {...props} {...fieldAria(id, { hint, error })} {...form.register(name)} />
    </Field>
  );
}

export function DiscussionSelect<T extends FieldValues>({
  form,
  name,
  id,
  label,
  hint,
  options,
}: FieldProps<T> & { options: readonly { value: string; label: string }[] }) {
  const t = useTranslations("common.errors");
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")} className="mb-4 sm:mb-5">
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

/** The error summary (linking to each field by its own id) and any message not tied to a field. */
export function DiscussionErrors<T extends FieldValues>({
  form,
  message,
  fields,
}: {
  form: FormOf<T>;
  message: string | null;
  fields: readonly { name: FieldPath<T>; id: string }[];
}) {
  const t = useTranslations("common.errors");
  const errors = fields.flatMap(({ name, id }) => {
    const m = errorOf(form, name);
    return m ? [{ id, message: m }] : [];
  });
  return (
    <>
      <ErrorSummary key={form.formState.submitCount} title={t("problemTitle")} errors={errors} headingLevel="h3" className="mb-5 sm:mb-6" />
      {message ? (
        <Alert variant="destructive" role="alert" data-testid="form-error" className="mb-5">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}
