"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * An instant in the reader's own time zone, beside the UTC date the server wrote: only the browser
 * knows the zone, so the server renders nothing here (cached pages are the same for everyone) and
 * the browser fills it in after hydration, with no mismatch.
 */
export function LocalTime({ at, locale, label }: { at: string; locale: string; label: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () =>
      new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(
        new Date(at),
      ),
    () => null,
  );
  if (text === null) return null;
  return (
    <span className="block text-muted">
      {label} <time dateTime={at}>{text}</time>
    </span>
  );
}
