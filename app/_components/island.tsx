"use client";

import { type ComponentType, use } from "react";

/**
 * An interactive part whose script is loaded only when the server renders it (docs/performance.md,
 * "Page budgets"). The server renders it in full and inline, from `onServer` (the same component,
 * required synchronously: the client build drops that branch), so its markup is in the first
 * response with or without script; in the browser, hydration keeps that markup until `load` has
 * fetched the chunk. Not next/dynamic: rendered on the server, it adds a
 * <link rel="preload"> per chunk without the CSP nonce, which 'strict-dynamic' blocks and reports,
 * and until its import has resolved once it streams the part after the page, where only script
 * can put it in place.
 */
export function island<P extends object>(load: () => Promise<ComponentType<P>>, onServer: ComponentType<P> | undefined): ComponentType<P> {
  let loaded: ComponentType<P> | undefined = onServer;
  let pending: Promise<ComponentType<P>> | undefined;
  // No Suspense boundary of its own: on the server nothing suspends here, and a boundary would let
  // the page stream this part after the rest on a process's first requests (while the framework
  // still loads the part's modules), where only script can put it in place. In the browser,
  // hydration waits for the chunk and keeps the server markup meanwhile.
  function Island(props: P) {
    const Component = loaded ?? use((pending ??= load().then((c) => (loaded = c))));
    return <Component {...props} />;
  }
  return Island;
}
