import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FollowButton } from "~/app/_components/follow-button";
import { api } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { isStaff } from "~/server/policy";
import { Cycle, type CycleViewer } from "../_components/cycle";
import { getRevision, getStocktake, parseYear } from "../_components/load";
import { Report } from "../_components/report";

type Params = Promise<{ year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const year = parseYear((await params).year);
  const [st, t] = await Promise.all([getStocktake(year), getTranslations("stocktakes")]);
  return st.current ? { title: t("report.title", { year }) } : { title: t("cycle.title", { year }) };
}

/** A year's stock-take: the current revision of its report once published, else the open cycle. */
export default async function StocktakeYearPage({ params }: { params: Params }) {
  const year = parseYear((await params).year);
  const [stocktake, actor] = await Promise.all([getStocktake(year), getActor()]);
  const follow = <FollowButton actor={actor} type="stocktake" targetKey={String(year)} back={`/stocktakes/${year}`} className="-mt-2 mb-8 sm:-mt-4" />;
  if (stocktake.current) {
    const revision = await getRevision(year);
    return <Report revision={revision} stocktake={stocktake} follow={follow} canRequestCorrection={Boolean(actor && !actor.suspension)} />;
  }
  let viewer: CycleViewer = { kind: "visitor" };
  if (actor?.suspension) viewer = { kind: "suspended" };
  // The secretariat is neutral: its accounts file no statements and log no observations.
  else if (isStaff(actor)) viewer = { kind: "staff" };
  else if (actor) {
    // Whether the reader represents a verified organisation that can file statements.
    const form = await api.stocktakes.statementForm({ year });
    viewer = { kind: "signedIn", representative: form.organizations.length > 0 };
  }
  return <Cycle stocktake={stocktake} viewer={viewer} follow={follow} />;
}
