"use client";

import Link from "~/app/_components/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/** Pages from which signing in should not come back to themselves. */
const authPages = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/verify-email"];

function signInHref(here: string) {
  const path = here.split(/[?#]/, 1)[0]!;
  if (authPages.includes(path)) return "/sign-in";
  return `/sign-in?callbackUrl=${encodeURIComponent(here)}`;
}

/**
 * The header's "Sign in": it carries the page it was followed from (with its query and anchor) as
 * `callbackUrl`, so signing in returns there. The server's HTML has the path; once the page runs,
 * the query and anchor are added and kept current.
 */
export function SignInLink({ className, children }: { className?: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const [href, setHref] = useState(() => signInHref(pathname));
  useEffect(() => {
    const update = () => setHref(signInHref(`${window.location.pathname}${window.location.search}${window.location.hash}`));
    update();
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, [pathname]);
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}
