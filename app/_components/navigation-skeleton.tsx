"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useState } from "react";
import { PageSkeleton, type SkeletonShape } from "./page-skeleton";

/** The skeleton that fits where a link leads: a norm or a report reads as an article, anything else as a list. */
export function shapeFor(pathname: string): SkeletonShape {
  if (/^\/stocktakes\/[^/]+/.test(pathname)) return "report";
  if (/^\/norms\/(?!new$|mine$)[^/]+$/.test(pathname) || /^\/reference\/[^/]+/.test(pathname)) return "article";
  return "list";
}

/** Whether a click on this link starts a navigation inside the app to another page (not a hash on this one). */
export function leadsToAnotherPage(href: string, here: URL): boolean {
  let url: URL;
  try {
    url = new URL(href, here);
  } catch {
    return false;
  }
  if (url.origin !== here.origin || url.pathname.startsWith("/api/")) return false;
  return url.pathname !== here.pathname || url.search !== here.search;
}

// Longest the skeleton stays if the next page never arrives (a failed navigation keeps this page).
const GIVE_UP_MS = 15_000;

/**
 * Feedback between pages: from a click on a link inside the app until the next page is shown, that
 * page's skeleton replaces this one. Only after a click: a first visit gets the whole page from the
 * server in one response, so it reads the same with or without script (route-level loading.tsx
 * would stream it behind a skeleton that only script can lift; docs/performance.md).
 */
export function NavigationSkeleton({ label, children }: { label: string; children: React.ReactNode }) {
  const [pending, setPending] = useState<SkeletonShape | null>(null);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const here = new URL(window.location.href);
      if (leadsToAnotherPage(link.href, here)) setPending(shapeFor(new URL(link.href, here).pathname));
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setPending(null), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return (
    <>
      <Suspense fallback={null}>
        <Arrived onArrive={() => setPending(null)} />
      </Suspense>
      {pending ? <PageSkeleton label={label} shape={pending} /> : null}
      {/* The page stays mounted, hidden, so a navigation that fails gives it back as it was. */}
      <div hidden={pending !== null} className={pending ? undefined : "contents"}>
        {children}
      </div>
    </>
  );
}

/** Calls `onArrive` whenever the address changes: the next page is shown. */
function Arrived({ onArrive }: { onArrive: () => void }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  useEffect(() => {
    onArrive();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the address changes
  }, [pathname, search]);
  return null;
}
