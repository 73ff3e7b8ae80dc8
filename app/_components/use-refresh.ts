"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";

/** The longest `then` waits for the refreshed page before it runs anyway. */
const MAX_WAIT_MS = 8_000;

/**
 * Re-renders the server components of the page and runs `then` once the fresh page is on screen,
 * so that a toast saying "posted" never comes before what was posted; if the page takes longer
 * than MAX_WAIT_MS, `then` runs anyway rather than leave the form busy. `refreshing` is true
 * meanwhile.
 */
export function useRefresh() {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const after = useRef<(() => void) | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const runAfter = useCallback(() => {
    window.clearTimeout(timer.current);
    const then = after.current;
    after.current = null;
    then?.();
  }, []);

  useEffect(() => {
    if (!refreshing) runAfter();
  }, [refreshing, runAfter]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const refresh = useCallback(
    (then?: () => void) => {
      after.current = then ?? null;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(runAfter, MAX_WAIT_MS);
      startTransition(() => router.refresh());
    },
    [router, runAfter],
  );

  return { refresh, refreshing };
}
