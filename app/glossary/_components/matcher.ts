import "server-only";
import { cache } from "react";
import { api, load } from "~/app/_trpc/server";
import { glossaryMatcher } from "~/server/glossary/link";

/** The glossary's matcher, built once per request from the terms and their aliases. */
export const getGlossaryMatcher = cache(async () => glossaryMatcher(await load(() => api.glossary.phrases())));
