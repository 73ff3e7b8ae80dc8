import type * as React from "react";

import { cn } from "./cn";

const controlBase = [
  "block w-full min-w-0 rounded-none border-2 border-input bg-background text-foreground",
  "text-base sm:text-lg",
  "aria-invalid:border-destructive",
  "disabled:cursor-not-allowed disabled:bg-surface disabled:opacity-60",
  "read-only:bg-surface",
].join(" ");

type InputProps = React.ComponentProps<"input">;

function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        controlBase,
        "h-10 px-2 py-1",
        "file:me-3 file:border-0 file:bg-surface file:px-2 file:font-semibold file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}

export { Input, controlBase, type InputProps };
