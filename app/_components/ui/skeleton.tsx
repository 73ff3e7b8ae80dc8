import type * as React from "react";

import { cn } from "./cn";

/** Placeholder block shown while content loads. Decorative: hidden from assistive tech. */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("bg-surface motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}

export { Skeleton };
