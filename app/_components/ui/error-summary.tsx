"use client";

import * as React from "react";

import { cn } from "./cn";

type ErrorSummaryItem = {
  /** The id of the field in error; the link points at `#${id}`. */
  id: string;
  message: React.ReactNode;
};

type ErrorSummaryProps = Omit<React.ComponentProps<"div">, "title" | "children"> & {
  /** Heading, e.g. "There is a problem". */
  title: React.ReactNode;
  errors: readonly ErrorSummaryItem[];
  /** Optional text between the heading and the list. */
  description?: React.ReactNode;
  headingLevel?: "h2" | "h3";
  /** Move focus to the summary when errors appear. Defaults to true. */
  autoFocus?: boolean;
};

/**
 * GOV.UK-style error summary. Shown at the top of a page after a failed
 * submission; it takes focus so screen reader and keyboard users land on it.
 * Renders nothing when there are no errors.
 */
function ErrorSummary({
  title,
  errors,
  description,
  headingLevel = "h2",
  autoFocus = true,
  className,
  ...props
}: ErrorSummaryProps) {
  const ref = React.useRef<HTMLDivElement>(null);
  const headingId = React.useId();
  const hasErrors = errors.length > 0;

  React.useEffect(() => {
    if (autoFocus && hasErrors) ref.current?.focus();
  }, [autoFocus, hasErrors]);

  if (!hasErrors) return null;

  const Heading = headingLevel;

  function handleClick(event: React.MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const target = document.getElementById(fieldId);
    if (!target) return;
    event.preventDefault();
    // Scroll the field's legend or label into view, so the question is visible.
    const legend = target.closest("fieldset")?.querySelector("legend");
    const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    (legend ?? label ?? target).scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={headingId}
      data-slot="error-summary"
      className={cn(
        "mb-8 border-4 border-destructive bg-background p-4 text-foreground sm:mb-12 sm:border-[5px] sm:p-6",
        className,
      )}
      {...props}
    >
      <Heading id={headingId} className="mb-4 text-xl font-bold sm:text-2xl">
        {title}
      </Heading>
      {description ? <div className="mb-4 text-base sm:text-lg">{description}</div> : null}
      <ul className="flex flex-col gap-2 text-base sm:text-lg">
        {errors.map((error) => (
          <li key={error.id}>
            <a
              href={`#${error.id}`}
              onClick={(event) => handleClick(event, error.id)}
              className="font-bold text-destructive hover:text-destructive-hover focus-visible:text-focus-text"
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export { ErrorSummary, type ErrorSummaryProps, type ErrorSummaryItem };
