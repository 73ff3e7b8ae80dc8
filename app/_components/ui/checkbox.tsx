import type * as React from "react";
import { CheckIcon } from "lucide-react";

import { cn } from "./cn";
import { Label } from "./label";

type CheckboxProps = Omit<React.ComponentProps<"input">, "type">;

/** A native checkbox, styled GOV.UK-like (large square box, thick border). */
function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <span data-slot="checkbox-wrapper" className="relative inline-grid size-7 shrink-0 place-items-center">
      <input
        type="checkbox"
        data-slot="checkbox"
        className={cn(
          "peer col-start-1 row-start-1 m-0 size-7 cursor-pointer appearance-none rounded-none border-2 border-foreground bg-background",
          "checked:bg-foreground",
          "aria-invalid:border-destructive checked:aria-invalid:bg-destructive",
          "disabled:cursor-not-allowed disabled:opacity-50",
          "focus-visible:outline-offset-0 focus-visible:shadow-[0_0_0_5px_var(--color-foreground)]",
          className,
        )}
        {...props}
      />
      <CheckIcon
        aria-hidden="true"
        strokeWidth={3.5}
        className="pointer-events-none col-start-1 row-start-1 hidden size-5 text-background peer-checked:block"
      />
    </span>
  );
}

type CheckboxFieldProps = Omit<CheckboxProps, "id"> & {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: React.ReactNode;
  /** Visually hidden prefix read before the error message. */
  errorPrefix?: string;
  /** Class names for the wrapping element. */
  containerClassName?: string;
};

/** A single checkbox with its label, optional hint and optional error message. */
function CheckboxField({
  id,
  label,
  hint,
  error,
  errorPrefix = "Error:",
  containerClassName,
  "aria-describedby": ariaDescribedBy,
  "aria-invalid": ariaInvalid,
  ...props
}: CheckboxFieldProps) {
  const hasError = error != null && error !== false && error !== "";
  const hasHint = hint != null && hint !== false && hint !== "";
  const describedBy =
    [ariaDescribedBy, hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;

  return (
    <div
      data-slot="checkbox-field"
      data-invalid={hasError ? "true" : undefined}
      className={cn(hasError && "border-s-4 border-destructive ps-4", containerClassName)}
    >
      {hasError ? (
        <p id={`${id}-error`} className="mb-3 text-base font-bold text-destructive sm:text-lg">
          <span className="sr-only">{errorPrefix} </span>
          {error}
        </p>
      ) : null}
      <div className="flex items-start gap-3">
        <Checkbox
          id={id}
          aria-describedby={describedBy}
          aria-invalid={hasError ? true : ariaInvalid}
          {...props}
        />
        <div className="min-w-0 pt-0.5 sm:pt-0">
          <Label htmlFor={id} className="cursor-pointer font-normal">
            {label}
          </Label>
          {hasHint ? (
            <div id={`${id}-hint`} className="mt-1 text-base text-muted sm:text-lg">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export { Checkbox, CheckboxField, type CheckboxProps, type CheckboxFieldProps };
