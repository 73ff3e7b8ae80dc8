import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { unauthorized } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { isStaff } from "~/server/policy";
import { dayOf, getStocktake, parseYear } from "../../../_components/load";
import { ObservationForm } from "./_components/observation-form";
import { clock } from "~/server/clock";
import { countryOptions } from "~/server/schemas/countries";

type Params = Promise<{ year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const year = parseYear((await params).year);
  const t = await getTranslations("stocktakes.observationForm");
  return { title: t("title", { year }) };
}

/** Where a member logs a behaviour observation for the secretariat to review. */
export default async function NewObservationPage({ params }: { params: Params }) {
  const year = parseYear((await params).year);
  const actor = await getActor();
  if (!actor) unauthorized();
  const [stocktake, t, tc, format] = await Promise.all([
    getStocktake(year),
    getTranslations("stocktakes.observationForm"),
    getTranslations("stocktakes.cycle"),
    getFormatter(),
  ]);
  const day = (d: string) => format.dateTime(dayOf(d), { dateStyle: "long" });
  const back = (
    <p className="mt-6">
      <Link href={`/stocktakes/${year}`}>{t("back", { year })}</Link>
    </p>
  );

  const refusal = actor.suspension
    ? { title: t("suspendedTitle"), text: t("suspendedText") }
    : isStaff(actor)
      ? { title: t("staffTitle"), text: t("staffText") }
      : stocktake.window === "upcoming"
      ? { title: t("upcomingTitle"), text: t("upcomingText", { date: day(stocktake.opensOn) }) }
      : stocktake.window === "closed"
        ? { title: t("closedTitle"), text: t("closedText") }
        : null;
  if (refusal) {
    return (
      <>
        <PageHeader caption={tc("caption")} title={t("title", { year })} />
        <Alert variant="info" className="max-w-2xl" data-testid="window-not-open">
          <AlertTitle>{refusal.title}</AlertTitle>
          <AlertDescription>
            <p>{refusal.text}</p>
          </AlertDescription>
        </Alert>
        {back}
      </>
    );
  }

  // Organisations in the forum that can be named: the verified ones.
  const organizations = await load(() => api.organizations.list({ verifiedOnly: true, limit: 100 }));
  return (
    <>
      <PageHeader caption={tc("caption")} title={t("title", { year })} description={<p>{t("lead", { closes: day(stocktake.closesOn) })}</p>} />
      <ObservationForm
        year={year}
        items={stocktake.items.map((i) => ({ id: i.id, title: i.title }))}
        organizations={organizations.items.map((o) => ({ id: o.id, name: o.name }))}
        states={countryOptions()}
        today={clock.now().toISOString().slice(0, 10)}
      />
      {back}
    </>
  );
}
