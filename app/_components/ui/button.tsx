import * as React from "react";
import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "./cn";
import { SubmitButton } from "./submit-button";

const buttonVariants = cva(
  [
    "relative inline-flex shrink-0 cursor-pointer items-center justify-center gap-2",
    "border-2 border-transparent rounded-none text-center font-semibold whitespace-nowrap no-underline",
    "touch-manipulation select-none transition-colors",
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-5",
    // GOV.UK-style focus: yellow fill, dark text, dark bottom edge.
    "focus-visible:border-focus focus-visible:bg-focus focus-visible:text-focus-text",
    "focus-visible:outline-transparent focus-visible:shadow-[0_2px_0_var(--color-foreground)]",
    "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50",
  ].join(" "),
  {
    variants: {
      variant: {
        default:
          "bg-primary text-primary-foreground shadow-[0_2px_0_var(--color-primary-shadow)] hover:bg-primary-hover hover:text-primary-foreground active:translate-y-0.5 active:shadow-none",
        primary:
          "bg-primary text-primary-foreground shadow-[0_2px_0_var(--color-primary-shadow)] hover:bg-primary-hover hover:text-primary-foreground active:translate-y-0.5 active:shadow-none",
        secondary:
          "bg-secondary text-secondary-foreground shadow-[0_2px_0_var(--color-secondary-shadow)] hover:bg-secondary-hover hover:text-secondary-foreground active:translate-y-0.5 active:shadow-none",
        destructive:
          "bg-destructive text-destructive-foreground shadow-[0_2px_0_var(--color-destructive-shadow)] hover:bg-destructive-hover hover:text-destructive-foreground active:translate-y-0.5 active:shadow-none",
        // A destructive action that is not the page's next step: grey like a secondary button,
        // dark red text (6.4:1 on the grey).
        "destructive-secondary":
          "bg-secondary text-destructive-hover shadow-[0_2px_0_var(--color-secondary-shadow)] hover:bg-secondary-hover hover:text-destructive-hover active:translate-y-0.5 active:shadow-none",
        outline:
          "border-foreground bg-background text-foreground hover:bg-surface hover:text-foreground",
        ghost: "bg-transparent text-foreground hover:bg-surface hover:text-foreground",
        link: "bg-transparent text-link underline decoration-[max(1px,0.0625rem)] underline-offset-[0.15em] hover:text-link-hover hover:decoration-[max(3px,0.1875rem,0.12em)]",
      },
      size: {
        sm: "min-h-9 px-3 py-1 text-base",
        default: "min-h-11 px-4 py-1.5 text-base sm:text-lg",
        lg: "min-h-13 px-5 py-2 text-lg sm:text-xl",
        icon: "size-11 p-0",
      },
    },
    compoundVariants: [
      {
        variant: "link",
        class:
          "min-h-0 border-0 p-0 font-normal focus-visible:no-underline focus-visible:shadow-[0_-2px_var(--color-focus),0_4px_var(--color-foreground)]",
      },
    ],
    defaultVariants: {
      variant: "default",
      size: "default",
    },
  },
);

type ButtonProps = React.ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    /** Render the single child element (e.g. a Next.js <Link>) with button styles. */
    asChild?: boolean;
    /** The action it started is under way: disabled, with a spinning mark before the label. */
    pending?: boolean;
    /**
     * For a submit button of a form the browser sends by itself (a GET form with an action, or a
     * server action): usable before the page's script has loaded, and without it.
     */
    worksWithoutScript?: boolean;
  };

function Button({ className, variant, size, asChild = false, pending = false, worksWithoutScript = false, disabled, children, ...props }: ButtonProps) {
  // Any other submit button submits through script: it is disabled until the page is interactive
  // (useHydrated), so that a click before then is not silently lost.
  const Comp = asChild ? Slot.Root : props.type === "submit" && !worksWithoutScript ? SubmitButton : "button";
  return (
    <Comp
      data-slot="button"
      data-variant={variant ?? "default"}
      className={cn(buttonVariants({ variant, size }), className)}
      disabled={disabled || pending || undefined}
      data-pending={pending ? "" : undefined}
      {...props}
    >
      {pending && !asChild ? (
        <>
          <Spinner />
          {children}
        </>
      ) : (
        children
      )}
    </Comp>
  );
}

/** A turning ring; decorative, since the button's disabled state and the toast that follows say the rest. */
function Spinner() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" className="size-4 motion-safe:animate-spin" data-slot="spinner">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

export { Button, buttonVariants, type ButtonProps };
