// Between the code that shows a toast and the toaster, which is loaded only when a first toast is
// shown (docs/performance.md, "Page budgets"): no dependencies, so the layout can listen for the
// first request, and a form can show a toast, without carrying sonner in the first load.
import type { toast as sonnerToast } from "sonner";

type Show = () => void;

let mounted = false;
const waiting: Show[] = [];
let onRequest: (() => void) | null = null;

/** Shows a toast now if the toaster is there, or as soon as it has been loaded and mounted. */
export function whenToasterReady(show: Show): void {
  if (mounted) {
    show();
    return;
  }
  waiting.push(show);
  onRequest?.();
}

/** The layout's slot: called when something asks for a toast before the toaster is mounted. */
export function listenForToasts(request: () => void): () => void {
  onRequest = request;
  if (waiting.length) request();
  return () => {
    if (onRequest === request) onRequest = null;
  };
}

/** The toaster calls this once it is mounted (and listening): the waiting toasts are shown. */
export function toasterMounted(): () => void {
  mounted = true;
  for (const show of waiting.splice(0)) show();
  return () => {
    mounted = false;
  };
}

type ToastArgs = Parameters<typeof sonnerToast.success>;
type Kind = "success" | "info" | "error" | "warning";

/** Shows a toast of this kind once the toaster is mounted; sonner is in the toaster's chunk by then. */
const show =
  (kind: Kind) =>
  (...args: ToastArgs) =>
    whenToasterReady(() => void import("sonner").then((sonner) => sonner.toast[kind](...args)));

/**
 * Shows a toast. The toaster is mounted (app/_components/toaster-slot.tsx) on the first call, and
 * the toast appears as soon as it is there.
 */
export const toast = { success: show("success"), info: show("info"), error: show("error"), warning: show("warning") };
