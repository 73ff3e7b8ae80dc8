import "server-only";
import type { inferRouterOutputs } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { api, load, loadPage } from "~/app/_trpc/server";
import type { AppRouter } from "~/server/root";

// Longer than any slug: for a page it is simply not there (as in get-norm.ts).
const MAX_SLUG = 120;

export type NormPositions = inferRouterOutputs<AppRouter>["positions"]["forNorm"];
export type NormPosition = NormPositions["positions"][number];
export type PositionHistory = inferRouterOutputs<AppRouter>["positions"]["history"];

/** One lookup per request, shared by the norm page's section and panel. */
export const getPositions = cache(async (slug: string) => {
  if (slug.length > MAX_SLUG) notFound();
  return load(() => api.positions.forNorm({ slug }));
});

export type NormAdherence = inferRouterOutputs<AppRouter>["positions"]["adherence"];

/** A concluded norm's frozen figures and adherence over time, once per request. */
export const getAdherence = cache(async (slug: string) => {
  if (slug.length > MAX_SLUG) notFound();
  return load(() => api.positions.adherence({ slug }));
});

/** Entries on each page of a norm's position history. */
export const HISTORY_PAGE = 100;

/** One page of the history (after `cursor`, an old or altered link falling back to the first page), once per request. */
export const getPositionHistory = cache(async (slug: string, cursor?: string) => {
  if (slug.length > MAX_SLUG) notFound();
  return (await loadPage((after) => api.positions.history({ slug, limit: HISTORY_PAGE, cursor: after }), cursor || undefined)).result;
});
