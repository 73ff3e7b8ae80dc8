import type * as React from "react";

import { cn } from "./cn";

type NativeSelectProps = React.ComponentProps<"select">;

/**
 * A styled native <select>. Native selects are the most robust and accessible
 * choice across assistive technologies and mobile devices. All props (and ref)
 * are forwarded to the <select>.
 */
function NativeSelect({ className, ...props }: NativeSelectProps) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        "block h-10 max-w-full min-w-[11.5em] cursor-pointer rounded-none border-2 border-input bg-background px-2 text-base text-foreground sm:text-lg",
        "aria-invalid:border-destructive",
        "disabled:cursor-not-allowed disabled:bg-surface disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}

function NativeSelectOption(props: React.ComponentProps<"option">) {
  return <option data-slot="native-select-option" {...props} />;
}

function NativeSelectOptGroup(props: React.ComponentProps<"optgroup">) {
  return <optgroup data-slot="native-select-optgroup" {...props} />;
}

export { NativeSelect, NativeSelectOption, NativeSelectOptGroup, type NativeSelectProps };
