import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { api, load } from "~/app/_trpc/server";

/** One lookup per request, shared by a page and its metadata. */
export const getOrganization = cache(async (slug: string) => {
  // Longer than any slug: the schema would refuse it as bad input, but for a page it is simply not there.
  if (slug.length > 80) notFound();
  return load(() => api.organizations.get({ slug }));
});
