import type * as React from "react";

import { cn } from "./cn";
import { Label } from "./label";

function isPresent(value: React.ReactNode): boolean {
  return value != null && value !== false && value !== "";
}

type FieldAriaOptions = {
  hint?: React.ReactNode;
  error?: React.ReactNode;
  /** Extra ids to include in aria-describedby. */
  describedBy?: string;
};

type FieldAria = {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
};

/**
 * Props to spread on the control inside a <Field>, so it is linked to the
 * field's hint (`${id}-hint`) and error message (`${id}-error`).
 */
function fieldAria(id: string, { hint, error, describedBy }: FieldAriaOptions = {}): FieldAria {
  const hasError = isPresent(error);
  const ids = [describedBy, isPresent(hint) ? `${id}-hint` : null, hasError ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    "aria-describedby": ids || undefined,
    "aria-invalid": hasError ? true : undefined,
  };
}

type FieldProps = {
  /** The id of the control; the label points at it. */
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: React.ReactNode;
  /** Visually hidden prefix read before the error message. */
  errorPrefix?: string;
  className?: string;
  labelClassName?: string;
  children: React.ReactNode;
};

/**
 * A GOV.UK-style form group: label, optional hint, optional error message and
 * the control. Spread `fieldAria(id, { hint, error })` on the control.
 */
function Field({
  id,
  label,
  hint,
  error,
  errorPrefix = "Error:",
  className,
  labelClassName,
  children,
}: FieldProps) {
  const hasError = isPresent(error);
  return (
    <div
      data-slot="field"
      data-invalid={hasError ? "true" : undefined}
      className={cn("mb-6 sm:mb-8", hasError && "border-s-4 border-destructive ps-4", className)}
    >
      <Label htmlFor={id} className={cn("mb-1", labelClassName)}>
        {label}
      </Label>
      {isPresent(hint) ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      {hasError ? (
        <FieldError id={`${id}-error`} prefix={errorPrefix}>
          {error}
        </FieldError>
      ) : null}
      {children}
    </div>
  );
}

function FieldHint({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="field-hint"
      className={cn("mb-3 text-base text-muted sm:text-lg", className)}
      {...props}
    />
  );
}

type FieldErrorProps = React.ComponentProps<"p"> & {
  /** Visually hidden prefix, e.g. "Error:". */
  prefix?: string;
};

function FieldError({ className, prefix = "Error:", children, ...props }: FieldErrorProps) {
  return (
    <p
      data-slot="field-error"
      className={cn("mb-3 text-base font-bold text-destructive sm:text-lg", className)}
      {...props}
    >
      {prefix ? <span className="sr-only">{prefix} </span> : null}
      {children}
    </p>
  );
}

/**
 * A group of choices (radios or checkboxes) as one field: a fieldset whose legend is the question,
 * with its hint and error described by it and the GOV.UK error border.
 */
function ChoiceFieldset({
  id,
  legend,
  hint,
  error,
  errorPrefix,
  children,
}: {
  id: string;
  legend: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  errorPrefix: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("mb-6 sm:mb-8", error && "border-s-4 border-destructive ps-4")} data-invalid={error ? "true" : undefined}>
      <fieldset aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
        <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{legend}</legend>
        {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
        {error ? (
          <FieldError id={`${id}-error`} prefix={errorPrefix}>
            {error}
          </FieldError>
        ) : null}
        {children}
      </fieldset>
    </div>
  );
}

export {
  ChoiceFieldset,
  Field,
  FieldHint,
  FieldError,
  fieldAria,
  type FieldProps,
  type FieldErrorProps,
  type FieldAria,
  type FieldAriaOptions,
};
