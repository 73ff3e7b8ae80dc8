"use client";

import type * as React from "react";
import { Label as LabelPrimitive } from "radix-ui";

import { cn } from "./cn";

type LabelProps = React.ComponentProps<typeof LabelPrimitive.Root>;

function Label({ className, ...props }: LabelProps) {
  return (
    <LabelPrimitive.Root
      data-slot="label"
      className={cn(
        "block text-base leading-snug font-semibold text-foreground sm:text-lg",
        "peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}

export { Label, type LabelProps };
