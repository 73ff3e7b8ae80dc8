"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, loggerLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import { z } from "zod";
import type { AppRouter } from "~/server/root";
import { makeQueryClient } from "./query-client";

// Zod probes `new Function("")` to decide whether to compile its parsers; under the CSP (no
// 'unsafe-eval') the browser reports that probe as a violation on every page with a form, which
// would drown real reports. Parsing without compiling gives the same results.
z.config({ jitless: true });

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        // maxItems matches the server's maxBatchSize.
        httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 20 }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
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
