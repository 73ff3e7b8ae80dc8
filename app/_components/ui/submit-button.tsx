"use client";

import type * as React from "react";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * True once React runs in the browser; false in the server's HTML, so a control rendered before
 * the page's script has loaded can show that it cannot act yet.
 */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A submit button for a form whose submit is handled by script: disabled (and styled so) until the
 * page is interactive, so a click before then is not silently lost.
 */
export function SubmitButton({ disabled, ...props }: React.ComponentProps<"button">) {
  const hydrated = useHydrated();
  return <button {...props} disabled={!hydrated || disabled} data-awaiting-script={hydrated ? undefined : ""} />;
}
