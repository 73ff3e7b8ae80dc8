// The compare form's title suggestions over the API. Loaded by the combobox when a reader first
// types, so the tRPC client and superjson are not in the compare page's first load
// (docs/performance.md, "Page budgets").
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { CompareChoices } from "~/server/domain/compare";
import type { AppRouter } from "~/server/root";

const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 20 })] });

const cache = new Map<string, CompareChoices>();

/** Norms and reference norms whose title matches `q` (kept for the page's life: they change rarely). */
export async function fetchChoices(q: string): Promise<CompareChoices> {
  const hit = cache.get(q);
  if (hit) return hit;
  const choices = await client.references.compareChoices.query({ q });
  cache.set(q, choices);
  return choices;
}
