"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";

/**
 * Re-renders the server components of the page and runs `then` once the fresh page is on screen,
 * so that a toast saying "posted" never comes before what was posted. `refreshing` is true meanwhile.
 */
export function useRefresh() {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const after = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (refreshing || !after.current) return;
    const then = after.current;
    after.current = null;
    then();
  }, [refreshing]);

  const refresh = useCallback(
    (then?: () => void) => {
      after.current = then ?? null;
      startTransition(() => router.refresh());
    },
    [router],
  );

  return { refresh, refreshing };
}
