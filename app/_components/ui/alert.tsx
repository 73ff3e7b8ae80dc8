import type * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "./cn";

const alertVariants = cva(
  [
    "relative grid w-full grid-cols-[0_1fr] items-start gap-y-1 border-s-8 px-4 py-4 text-base text-foreground sm:px-5 sm:text-lg",
    "has-[>svg]:grid-cols-[1.5rem_1fr] has-[>svg]:gap-x-3",
    "[&>svg]:size-6 [&>svg]:translate-y-px",
  ].join(" "),
  {
    variants: {
      variant: {
        info: "border-info bg-info-tint [&>svg]:text-info",
        success: "border-success bg-success-tint [&>svg]:text-success",
        warning: "border-warning bg-warning-tint [&>svg]:text-warning-strong",
        destructive: "border-destructive bg-destructive-tint [&>svg]:text-destructive",
      },
    },
    defaultVariants: {
      variant: "info",
    },
  },
);

type AlertProps = React.ComponentProps<"div"> & VariantProps<typeof alertVariants>;

/**
 * A notice box. Pass `role` yourself: "status" for polite updates (e.g. a
 * success message after a redirect), "alert" only for urgent errors, or none
 * for static notices.
 */
function Alert({ className, variant, ...props }: AlertProps) {
  return (
    <div
      data-slot="alert"
      data-variant={variant ?? "info"}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    />
  );
}

type AlertTitleProps = React.ComponentProps<"h2"> & {
  /** Element to render. Defaults to "h2". */
  as?: "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "div";
};

function AlertTitle({ as = "h2", className, ...props }: AlertTitleProps) {
  const Comp = as as "h2";
  return (
    <Comp
      data-slot="alert-title"
      className={cn("col-start-2 text-lg leading-snug font-bold sm:text-xl", className)}
      {...props}
    />
  );
}

function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("col-start-2 grid gap-2 text-base sm:text-lg [&_p]:text-pretty", className)}
      {...props}
    />
  );
}

export { Alert, AlertTitle, AlertDescription, alertVariants, type AlertProps, type AlertTitleProps };
