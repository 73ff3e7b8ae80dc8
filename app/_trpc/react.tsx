"use client";

import {
  useMutation as useQueryMutation,
  useQuery as useQueryQuery,
  type DefaultError,
  type QueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink, TRPCClientError, type TRPCClient } from "@trpc/client";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import { z } from "zod";
import { forumLocale, LOCALE_HEADER } from "~/server/i18n/paths";
import type { AppRouter } from "~/server/root";
import { makeQueryClient } from "./query-client";

// Zod probes `new Function("")` to decide whether to compile its parsers; under the CSP (no
// 'unsafe-eval') the browser reports that probe as a violation on every page with a form, which
// would drown real reports. Parsing without compiling gives the same results.
z.config({ jitless: true });

// No provider in the layout: the tRPC client, superjson and TanStack Query are in the first load
// of only the pages whose client components call the API (docs/performance.md, "Page budgets").
// In the browser every component shares one query client and one tRPC client; on the server
// (where nothing is fetched or mutated) each component that asks gets its own.
let browserQueryClient: QueryClient | undefined;
let browserProxy: TRPCOptionsProxy<AppRouter> | undefined;

let browserClient: TRPCClient<AppRouter> | undefined;

function makeClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
      // maxItems matches the server's maxBatchSize. The page's language goes with each call, so a
      // refusal's messages come back in it (server/i18n/server-text.ts).
      httpBatchLink({
        url: "/api/trpc",
        transformer: superjson,
        maxItems: 20,
        headers: () => ({ [LOCALE_HEADER]: pageLocale() }),
      }),
    ],
  });
}

function getClient(): TRPCClient<AppRouter> {
  if (typeof window === "undefined") return makeClient();
  return (browserClient ??= makeClient());
}

function makeProxy(queryClient: QueryClient): TRPCOptionsProxy<AppRouter> {
  return createTRPCOptionsProxy<AppRouter>({ client: getClient(), queryClient });
}

/** The forum language of the page (its <html lang>). */
function pageLocale() {
  return (typeof document === "undefined" ? null : forumLocale(document.documentElement.lang)) ?? "en";
}

// Each sentence once per language: a form checked again on every key press asks nothing new.
const inLanguage = new Map<string, string>();

/**
 * Messages the browser wrote in English (a form's own check with the procedure's schema) in the
 * page's language, as the server gives the same sentences; in English if the call fails.
 */
export async function inPageLanguage(texts: string[]): Promise<string[]> {
  const locale = pageLocale();
  if (locale === "en" || texts.length === 0) return texts;
  const key = (text: string) => `${locale}\u0000${text}`;
  const missing = [...new Set(texts.filter((text) => !inLanguage.has(key(text))))].slice(0, 50);
  if (missing.length > 0) {
    try {
      const given = await getClient().languages.serverText.query({ texts: missing });
      missing.forEach((text, i) => inLanguage.set(key(text), given[i] ?? text));
    } catch {
      return texts;
    }
  }
  return texts.map((text) => inLanguage.get(key(text)) ?? text);
}

function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

function getProxy(): TRPCOptionsProxy<AppRouter> {
  if (typeof window === "undefined") return makeProxy(getQueryClient());
  return (browserProxy ??= makeProxy(getQueryClient()));
}

/** The typed query and mutation options of every procedure (`trpc.norms.get.queryOptions(…)`). */
export function useTRPC(): TRPCOptionsProxy<AppRouter> {
  const [proxy] = useState(getProxy);
  return proxy;
}

/** TanStack Query's useMutation on the shared query client (there is no QueryClientProvider). */
export function useMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
) {
  const [queryClient] = useState(getQueryClient);
  return useQueryMutation(options, queryClient);
}

/** TanStack Query's useQuery on the shared query client (there is no QueryClientProvider). */
export function useQuery<TQueryFnData = unknown, TError = DefaultError, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
) {
  const [queryClient] = useState(getQueryClient);
  return useQueryQuery(options, queryClient);
}

export interface ServerErrorInfo {
  message: string;
  fieldErrors: Record<string, string>;
  code?: string;
}

/** What a failed call means for a form: the message and any per-field messages. */
export function serverError(error: unknown): ServerErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string> | null; code?: string } | undefined;
    return { message: error.message, fieldErrors: data?.fieldErrors ?? {}, code: data?.code };
  }
  return { message: "Something went wrong. Check your connection and try again.", fieldErrors: {} };
}
