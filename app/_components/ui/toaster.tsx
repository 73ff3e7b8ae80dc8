"use client";

import { useEffect } from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

import { cn } from "./cn";
import { toasterMounted } from "./toast-bus";

/**
 * Toast container. Calm, unstyled-by-sonner toasts with a coloured start
 * border per type. Pass translated `containerAriaLabel` and
 * `toastOptions.closeButtonAriaLabel` from the caller.
 */
function Toaster({ toastOptions, className, ...props }: ToasterProps) {
  const classNames = toastOptions?.classNames;
  // After sonner's own effect has subscribed to new toasts (a parent's effects run after its child's).
  useEffect(() => toasterMounted(), []);
  return (
    <Sonner
      theme="light"
      richColors={false}
      // At the bottom, out of the way of the header's links (at the top they covered them).
      position="bottom-right"
      className={cn("toaster", className)}
      {...props}
      toastOptions={{
        ...toastOptions,
        unstyled: true,
        classNames: {
          ...classNames,
          toast: cn(
            "flex w-full items-start gap-3 border border-s-8 border-border border-s-foreground bg-background p-4 font-sans text-base text-foreground shadow-lg sm:text-lg",
            classNames?.toast,
          ),
          content: cn("flex min-w-0 flex-1 flex-col gap-1", classNames?.content),
          title: cn("font-semibold", classNames?.title),
          description: cn("text-base text-muted", classNames?.description),
          icon: cn("mt-0.5 flex size-5 shrink-0 items-center justify-center [&_svg]:size-5", classNames?.icon),
          success: cn("border-s-success [&_[data-icon]]:text-success", classNames?.success),
          error: cn("border-s-destructive [&_[data-icon]]:text-destructive", classNames?.error),
          warning: cn("border-s-warning [&_[data-icon]]:text-warning-strong", classNames?.warning),
          info: cn("border-s-info [&_[data-icon]]:text-info", classNames?.info),
          actionButton: cn(
            "shrink-0 cursor-pointer bg-primary px-3 py-1 text-base font-semibold text-primary-foreground hover:bg-primary-hover focus-visible:bg-focus focus-visible:text-focus-text",
            classNames?.actionButton,
          ),
          cancelButton: cn(
            "shrink-0 cursor-pointer bg-secondary px-3 py-1 text-base font-semibold text-secondary-foreground hover:bg-secondary-hover focus-visible:bg-focus",
            classNames?.cancelButton,
          ),
          closeButton: cn(
            "order-last ms-auto inline-flex size-8 shrink-0 cursor-pointer items-center justify-center text-foreground hover:bg-surface focus-visible:bg-focus [&_svg]:size-4",
            classNames?.closeButton,
          ),
        },
      }}
    />
  );
}

export { Toaster, type ToasterProps };
// `toast` lives in toast-bus.ts, which loads sonner only when a toast is shown; importing it from
// here still brings sonner with this module (pages whose weight counts import it from toast-bus).
export { toast } from "./toast-bus";
