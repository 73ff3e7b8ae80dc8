import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { api, load } from "~/app/_trpc/server";

// Longer than any slug: the schema would refuse it as bad input, but for a page it is simply not there.
const MAX_SLUG = 120;

/** One lookup per request, shared by a page and its metadata. */
export const getNorm = cache(async (slug: string) => {
  if (slug.length > MAX_SLUG) notFound();
  return load(() => api.norms.get({ slug }));
});

/** A positive version number from the address, or the 404 page. */
export function parseVersion(raw: string | undefined): number {
  if (!raw || !/^[1-9][0-9]{0,5}$/.test(raw)) notFound();
  return Number(raw);
}

export const getVersion = cache(async (slug: string, number: number) => {
  if (slug.length > MAX_SLUG) notFound();
  return load(() => api.norms.version({ slug, number }));
});
