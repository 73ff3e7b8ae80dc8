import "server-only";
import { forbidden, notFound, unauthorized } from "next/navigation";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";

/**
 * These pages are the secretariat's: the stock-takes themselves are public, but what the pages let
 * you do is not, so a person who may not run a stock-take gets a 401 or a 403 before anything loads.
 */
export async function requireSecretariat() {
  const actor = await getActor();
  if (!actor) unauthorized();
  if (!can("stocktake.open", actor)) forbidden();
  return actor;
}

/** The year in the address: four digits, or the page does not exist. */
export function yearParam(raw: string) {
  // The years a stock-take may have (the procedures refuse others).
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2015 || Number(raw) > 2100) notFound();
  return Number(raw);
}

/** A UTC calendar date (YYYY-MM-DD) as a Date at midnight UTC, for formatting with `timeZone: "UTC"`. */
export const utcDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
