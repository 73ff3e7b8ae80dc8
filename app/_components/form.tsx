"use client";

// Form plumbing shared by every form: react-hook-form with the procedure's own zod schema, field
// errors from the server put next to their fields, and a GOV.UK-style error summary.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useState } from "react";
import {
  type DefaultValues,
  type FieldErrors,
  type FieldPath,
  type Resolver,
  type FieldValues,
  type UseFormReturn,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import { inPageLanguage, serverError } from "~/app/_trpc/react";
import { Alert, AlertDescription } from "./ui/alert";
import { ErrorSummary } from "./ui/error-summary";
import { Field, fieldAria } from "./ui/field";
import { Input } from "./ui/input";
import { NativeSelect } from "./ui/native-select";
import { Textarea } from "./ui/textarea";

export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
) {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: inLanguageOfPage(zodResolver(schema as never) as Resolver<z.input<S>, unknown, z.output<S>>),
    defaultValues,
    // The error summary takes focus (GOV.UK); react-hook-form would move it on to a field afterwards.
    shouldFocusError: false,
  });
}

/** Every `message` in a form's errors (nested under lists and objects), to be replaced in place. */
function messagesOf(errors: unknown, found: { message: string }[] = []): { message: string }[] {
  if (!errors || typeof errors !== "object") return found;
  const error = errors as { message?: unknown; ref?: unknown };
  if (typeof error.message === "string" && error.message) found.push(error as { message: string });
  for (const [name, value] of Object.entries(errors)) if (name !== "ref" && name !== "message") messagesOf(value, found);
  return found;
}

/**
 * The schema's check with its messages in the page's language: the schema speaks English (it is
 * the server's), so a form that fails in the browser asks the server for the same sentences in the
 * page's language (once each) before it shows them.
 */
function inLanguageOfPage<I extends FieldValues, O>(resolver: Resolver<I, unknown, O>): Resolver<I, unknown, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const found = messagesOf(result.errors as FieldErrors<I>);
    if (found.length > 0) {
      const given = await inPageLanguage(found.map((error) => error.message));
      found.forEach((error, i) => (error.message = given[i] ?? error.message));
    }
    return result;
  };
}

/**
 * A form inside a dialog: the dialog's open state, the form, the message not tied to a field, and
 * a reset whenever the dialog closes, so it opens clean next time.
 */
export function useFormDialog<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaults: DefaultValues<z.input<S>>) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(schema, defaults);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      form.reset(defaults);
      setMessage(null);
    }
  };
  return {
    form,
    open,
    message,
    onOpenChange,
    close: () => onOpenChange(false),
    /** For a mutation's onError: field errors onto fields, anything else into the message. */
    fail: (error: unknown) => setMessage(applyServerError(form, error)),
    /** The form's submit handler: validates, clears the last message, then runs `send`. */
    submit: (send: (values: z.output<S>) => void) =>
      form.handleSubmit((values) => {
        setMessage(null);
        send(values);
      }),
  };
}

/**
 * Puts a failed call's field errors on the form's fields; returns the message for the summary
 * when the failure is not about one field.
 */
export function applyServerError<T extends FieldValues>(form: FormOf<T>, error: unknown) {
  const { message, fieldErrors } = serverError(error);
  const fields = Object.entries(fieldErrors).filter(([, m]) => m);
  for (const [name, m] of fields) form.setError(name as FieldPath<T>, { type: "server", message: m });
  return fields.length ? null : message;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FormOf<T extends FieldValues> = UseFormReturn<T, any, any>;

function errorOf<T extends FieldValues>(form: FormOf<T>, name: string): string | undefined {
  const error = name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors);
  return (error as { message?: string } | undefined)?.message;
}

/** The summary of every field error, linking to each field, plus a message not tied to a field. */
export function FormErrors<T extends FieldValues>({
  form,
  message,
  fields,
}: {
  form: FormOf<T>;
  message?: string | null;
  fields: FieldPath<T>[];
}) {
  const t = useTranslations("common.errors");
  const errors = fields.flatMap((name) => {
    const m = errorOf(form, name);
    return m ? [{ id: name, message: m }] : [];
  });
  return (
    <>
      <ErrorSummary key={form.formState.submitCount} title={t("problemTitle")} errors={errors} />
      {message ? (
        <Alert variant="destructive" role="alert" data-testid="form-error">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}

interface BaseFieldProps<T extends FieldValues> {
  form: FormOf<T>;
  name: FieldPath<T>;
  label: React.ReactNode;
  hint?: React.ReactNode;
}

export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  ...inputProps
}: BaseFieldProps<T> & Omit<React.ComponentProps<"input">, "name" | "form">) {
  const t = useTranslations("common.errors");
  const error = errorOf(form, name);
  return (
    <Field id={name} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")}>
      <Input {...inputProps} {...fieldAria(name, { hint, error })} {...form.register(name)} />
    </Field>
  );
}

export function TextareaField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  ...props
}: BaseFieldProps<T> & Omit<React.ComponentProps<"textarea">, "name" | "form">) {
  const t = useTranslations("common.errors");
  const error = errorOf(form, name);
  return (
    <Field id={name} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")}>
      <Textarea {...props} {...fieldAria(name, { hint, error })} {...form.register(name)} />
    </Field>
  );
}

export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  options,
  placeholder,
  ...props
}: BaseFieldProps<T> &
  Omit<React.ComponentProps<"select">, "name" | "form"> & {
    options: { value: string; label: string }[];
    placeholder?: string;
  }) {
  const t = useTranslations("common.errors");
  const error = errorOf(form, name);
  return (
    <Field id={name} label={label} hint={hint} error={error} errorPrefix={t("errorPrefix")}>
      <NativeSelect {...props} {...fieldAria(name, { hint, error })} {...form.register(name)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}
