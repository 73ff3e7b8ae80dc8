import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { unauthorized } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { itemHref, parseYear } from "../../_components/load";
import { StatementsForm } from "./_components/statements-form";

type Params = Promise<{ year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const year = parseYear((await params).year);
  const t = await getTranslations("stocktakes.statements");
  return { title: t("title", { year }) };
}

/** Where a representative files their organisation's implementation statements for the year. */
export default async function StatementsPage({ params, searchParams }: { params: Params; searchParams: Promise<{ organisation?: string | string[] }> }) {
  const year = parseYear((await params).year);
  const { organisation } = await searchParams;
  const actor = await getActor();
  if (!actor) unauthorized();
  const [t, tc, format] = await Promise.all([getTranslations("stocktakes.statements"), getTranslations("stocktakes.cycle"), getFormatter()]);
  const back = (
    <p className="mt-6">
      <Link href={`/stocktakes/${year}`}>{t("back", { year })}</Link>
    </p>
  );
  if (actor.suspension) {
    return (
      <>
        <PageHeader caption={tc("caption")} title={t("title", { year })} />
        <Alert variant="warning" className="max-w-2xl">
          <AlertTitle>{t("suspendedTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("suspendedText")}</p>
          </AlertDescription>
        </Alert>
        {back}
      </>
    );
  }
  const data = await load(() => api.stocktakes.statementForm({ year }));
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  // The window ends at 00:00 UTC the day after its last day; name the last day.
  const lastDay = day(new Date(data.window.end.getTime() - 1));

  if (data.organizations.length === 0) {
    return (
      <>
        <PageHeader caption={tc("caption")} title={t("title", { year })} />
        <div className="max-w-[42rem]">
          <h2 className="mb-3 text-xl font-bold sm:text-2xl">{t("notRepresentativeTitle")}</h2>
          <p className="mb-3">{t("notRepresentativeText")}</p>
          <p className="mb-3">
            {t.rich("notRepresentativeHow", { link: (chunks) => <Link href="/organizations">{chunks}</Link> })}
          </p>
          <p>{t("notRepresentativeObservation")}</p>
        </div>
        {back}
      </>
    );
  }

  const state = data.window.state;
  return (
    <>
      <PageHeader
        caption={tc("caption")}
        title={t("title", { year })}
        description={
          <p>
            {state === "open"
              ? t("leadOpen", { date: lastDay })
              : state === "upcoming"
                ? t("leadUpcoming", { date: day(data.window.start) })
                : t("leadClosed", { date: day(new Date((data.window.closedAt ?? data.window.end).getTime() - 1)) })}
          </p>
        }
      />
      {state !== "open" ? (
        <Alert variant="info" className="mb-8 max-w-2xl" data-testid="window-not-open">
          <AlertTitle>{state === "upcoming" ? t("upcomingTitle") : t("closedTitle")}</AlertTitle>
          <AlertDescription>
            <p>{state === "upcoming" ? t("upcomingText") : t("closedText")}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <StatementsForm
        year={year}
        open={state === "open"}
        organizations={data.organizations.map((o) => ({ id: o.id, name: o.name }))}
        initialOrganizationId={data.organizations.find((o) => o.id === organisation)?.id}
        items={data.items.map((i) => ({ id: i.id, title: i.title, kind: i.kind, href: itemHref(i) }))}
        statements={data.statements.map((s) => ({
          itemId: s.itemId,
          organizationId: s.organizationId,
          status: s.status,
          text: s.text,
          links: s.links,
          savedOn: day(s.updatedAt),
        }))}
      />
      {back}
    </>
  );
}
