import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getRevision, getStocktake, parseRevision, parseYear } from "../../../_components/load";
import { Report } from "../../../_components/report";

type Params = Promise<{ year: string; n: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const raw = await params;
  const [year, revision] = [parseYear(raw.year), parseRevision(raw.n)];
  const t = await getTranslations("stocktakes.report");
  return { title: t("revisionTitle", { year, revision }) };
}

/** One revision of a year's report, kept readable for good; it says whether it is the current one. */
export default async function StocktakeRevisionPage({ params }: { params: Params }) {
  const raw = await params;
  const [year, n] = [parseYear(raw.year), parseRevision(raw.n)];
  const [stocktake, revision] = await Promise.all([getStocktake(year), getRevision(year, n)]);
  return <Report revision={revision} stocktake={stocktake} />;
}
