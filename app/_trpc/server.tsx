import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { forbidden, notFound, unauthorized } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { createRequestContext } from "~/server/context";
import { appRouter } from "~/server/root";
import { makeQueryClient } from "./query-client";

// One context and query client per request.
const createContext = cache(async () => createRequestContext(await headers()));
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** Direct calls from server components; the same procedures, policy and errors as the API. */
export const api = appRouter.createCaller(createContext);

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  void getQueryClient().prefetchQuery(queryOptions);
}

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
