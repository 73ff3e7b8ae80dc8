import "server-only";
import { TRPCError } from "@trpc/server";
import { forbidden, notFound, unauthorized } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { createRequestContext } from "~/server/context";
import { appRouter } from "~/server/root";

// One context per request.
const createContext = cache(async () => createRequestContext(await headers()));

/** Direct calls from server components; the same procedures, policy and errors as the API. */
export const api = appRouter.createCaller(createContext);

// No query-client prefetching or HydrationBoundary here: pages read through `api` and pass
// plain props. Importing @tanstack/react-query in this server module made its client components
// part of the first load of every page that used `api` (12 kB gzipped; docs/performance.md).

/**
 * Runs a call for a page and turns refusals into the right page and status: 401, 403 or 404,
 * rather than a crash.
 */
export async function load<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "FORBIDDEN") forbidden();
      if (error.code === "UNAUTHORIZED") unauthorized();
    }
    throw error;
  }
}

/**
 * One page of a keyset list, as `load` reads it. A page link that no longer decodes (old, cut or
 * altered: the procedure refuses it as bad input) gives the first page instead of an error page;
 * `badCursor` says so, for a page that wants to tell the reader.
 */
export async function loadPage<T>(call: (cursor: string | undefined) => Promise<T>, cursor: string | undefined): Promise<{ result: T; badCursor: boolean }> {
  try {
    return { result: await load(() => call(cursor)), badCursor: false };
  } catch (error) {
    if (cursor && error instanceof TRPCError && error.code === "BAD_REQUEST") return { result: await load(() => call(undefined)), badCursor: true };
    throw error;
  }
}
