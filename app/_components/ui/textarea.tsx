import type * as React from "react";

import { cn } from "./cn";
import { controlBase } from "./input";

type TextareaProps = React.ComponentProps<"textarea">;

function Textarea({ className, rows = 5, ...props }: TextareaProps) {
  return (
    <textarea
      data-slot="textarea"
      rows={rows}
      className={cn(controlBase, "min-h-24 resize-y px-2 py-1.5", className)}
      {...props}
    />
  );
}

export { Textarea, type TextareaProps };
