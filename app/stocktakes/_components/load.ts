import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { api, load } from "~/app/_trpc/server";
import type { Snapshot } from "~/server/domain/stocktake-snapshot";

/** A four-digit year from the address, or the 404 page (the schema would refuse it as bad input). */
export function parseYear(raw: string): number {
  if (!/^\d{4}$/.test(raw)) notFound();
  const year = Number(raw);
  if (year < 2015 || year > 2100) notFound();
  return year;
}

/** A positive revision number from the address, or the 404 page. */
export function parseRevision(raw: string): number {
  if (!/^[1-9]\d{0,3}$/.test(raw)) notFound();
  return Number(raw);
}

/** One lookup per request, shared by a page and its metadata. */
export const getStocktake = cache(async (year: number) => load(() => api.stocktakes.get({ year })));

/**
 * A published revision, parsed. The PDF and CSV bytes stay on the server: the page links to the
 * download routes instead.
 */
export const getRevision = cache(async (year: number, revision?: number) => {
  const { pdf: _pdf, csv: _csv, snapshot, ...meta } = await load(() => api.stocktakes.revision({ year, revision }));
  return { ...meta, snapshot: JSON.parse(snapshot) as Snapshot };
});

/** A date-only value (YYYY-MM-DD) as a Date at 00:00 UTC, for the formatter. */
export const dayOf = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** Where an item's own page is: a forum norm or a reference norm. */
export function itemHref(item: { kind: "forum" | "reference"; key: string }): string {
  const id = item.key.slice(item.key.indexOf(":") + 1);
  return item.kind === "forum" ? `/norms/${id}` : `/reference/norms/${id}`;
}
