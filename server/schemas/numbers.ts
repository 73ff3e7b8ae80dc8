import { z } from "zod";

/** PostgreSQL's `integer` maximum: a larger number reaching a query is a database error, not a 400. */
export const PG_INT_MAX = 2_147_483_647;

/**
 * A whole number from `min` to `max` (PostgreSQL's integer range unless said otherwise). Every
 * integer in an input goes through this, so out-of-range, fractional or non-numeric values are
 * refused with one plain message instead of reaching the database.
 */
export function wholeNumber(what: string, min = 1, max = PG_INT_MAX) {
  const message = `${what} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** A position in a list of rows, counted from 0 (offset pagination). */
export const offsetCursor = wholeNumber("The page position", 0);

/** A row id (a bigint identity) to continue a list after. */
export const idCursor = wholeNumber("The page position", 1, Number.MAX_SAFE_INTEGER);

/** How many rows a page holds. */
export const pageLimit = (max: number) => wholeNumber("The page size", 1, max);
