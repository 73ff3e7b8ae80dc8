// Between the code that shows a toast and the toaster, which is loaded only when a first toast is
// shown (docs/performance.md, "Page budgets"): no dependencies, so the layout can listen for the
// first request without carrying sonner in every page's first load.

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
