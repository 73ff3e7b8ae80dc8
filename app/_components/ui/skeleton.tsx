import type * as React from "react";

/** Placeholder block shown while content loads. Decorative: hidden from assistive tech. */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      // Joined, not merged with cn(): callers add sizes only, and this is in every page's first load
      // (the layout's navigation skeleton), where tailwind-merge would add 8 kB.
      className={className ? `bg-surface motion-safe:animate-pulse ${className}` : "bg-surface motion-safe:animate-pulse"}
      {...props}
    />
  );
}

export { Skeleton };
