import type * as React from "react";
import { getStocktake, parseYear } from "../_components/load";

/**
 * Looks the stock-take up before anything streams, so a year without one answers 404 even though the
 * page below has a loading skeleton; the page reuses the lookup.
 */
export default async function StocktakeYearLayout({ children, params }: { children: React.ReactNode; params: Promise<{ year: string }> }) {
  await getStocktake(parseYear((await params).year));
  return children;
}
