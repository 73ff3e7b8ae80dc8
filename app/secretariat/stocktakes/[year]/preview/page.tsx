import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { ChartDefs } from "~/app/stocktakes/_components/charts";
import { itemHref } from "~/app/stocktakes/_components/load";
import { ObservationEntry } from "~/app/stocktakes/_components/observation-entry";
import { ReportChanges } from "~/app/stocktakes/_components/report-changes";
import { ReportItem } from "~/app/stocktakes/_components/report-item";
import { categoryCodes } from "~/server/schemas/vocabulary";
import { SecretariatNav } from "../../../_components/secretariat-nav";
import { requireSecretariat, yearParam } from "../../_components/guard";

type Params = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("stocktakeAdmin.preview");
  return { title: t("title", { year: (await params).year }) };
}

const sectionHeading = "mb-4 text-2xl font-bold sm:text-3xl";

/**
 * The draft report exactly as it would be published now: the `preview` procedure builds the same
 * snapshot as publishing, shown with the public report's own parts (figures, charts and tables,
 * the comparison with the previous year, observations). What only a publication has (downloads,
 * the published hash, revisions) is left out, so nothing here can be mistaken for the published report.
 */
export default async function StocktakePreviewPage({ params }: Params) {
  await requireSecretariat();
  const year = yearParam((await params).year);
  const st = await load(() => api.stocktakes.get({ year }));
  const [t, tc, tv, format] = await Promise.all([getTranslations("stocktakeAdmin"), getTranslations("secretariat"), getTranslations("vocabulary"), getFormatter()]);
  const back = (
    <p className="mb-6">
      <Link href={`/secretariat/stocktakes/${year}`}>{t("preview.back", { year })}</Link>
    </p>
  );
  if (st.window !== "closed") {
    return (
      <>
        <SecretariatNav current="stocktakes" />
        {back}
        <PageHeader caption={tc("caption")} title={t("preview.title", { year })} description={t("report.previewOnceClosed")} />
      </>
    );
  }
  const { snapshot: s, sha256 } = await load(() => api.stocktakes.preview({ year }));
  const orgs = new Map(s.organizations.map((o) => [o.slug, o]));
  const items = new Map(s.items.map((i) => [i.key, i]));
  const anchorOf = (key: string) => `item-${s.items.findIndex((i) => i.key === key) + 1}`;
  const totals = [
    { id: "items", term: t("preview.items"), value: s.items.length },
    { id: "organizations", term: t("preview.organizations"), value: s.organizations.length },
    { id: "filed", term: t("progress.filed"), value: s.totals.organizationsFiled },
    { id: "statements", term: t("progress.statements"), value: s.totals.statements },
    { id: "positions", term: t("preview.positions"), value: s.totals.positions },
    { id: "accepted", term: t("progress.accepted"), value: s.totals.observationsAccepted },
    { id: "rejected", term: t("progress.rejected"), value: s.totals.observationsRejected },
  ];

  return (
    <>
      <SecretariatNav current="stocktakes" />
      {back}
      <ChartDefs />
      <PageHeader caption={tc("caption")} title={t("preview.title", { year })} description={t("preview.lead")} />

      <Alert variant="warning" className="mb-12 max-w-[48rem]" data-testid="preview-notice">
        <AlertTitle>{t("preview.noticeTitle")}</AlertTitle>
        <AlertDescription>
          <p>{t("preview.notice", { revision: s.revision })}</p>
          <p className="break-all">{t("preview.hash", { sha256 })}</p>
        </AlertDescription>
      </Alert>

      <section aria-labelledby="totals" className="mb-12">
        <h2 id="totals" className={sectionHeading}>
          {t("preview.totalsTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3">
          {totals.map((f) => (
            <div key={f.id} className="border-t-4 border-primary bg-surface p-4">
              <dt className="text-base font-bold text-muted sm:text-lg">{f.term}</dt>
              <dd className="text-3xl font-bold tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-muted">
          {t("preview.closedAt", { closedAt: format.dateTime(new Date(s.window.closedAt), { dateStyle: "long", timeStyle: "short", hourCycle: "h23", timeZone: "UTC" }) })}
        </p>
      </section>

      <section aria-labelledby="summary" className="mb-12 max-w-[48rem]">
        <h2 id="summary" className={sectionHeading}>
          {t("narrative.summary")}
        </h2>
        {s.narrative.summary.trim() ? <Markdown>{s.narrative.summary}</Markdown> : <p className="text-muted">{t("preview.noText")}</p>}
      </section>

      <ReportChanges changes={s.changes} items={s.items} anchorOf={anchorOf} />

      <section aria-labelledby="categories" className="mb-12">
        <h2 id="categories" className={sectionHeading}>
          {t("preview.categoriesTitle")}
        </h2>
        {categoryCodes.map((code) => {
          const text = s.narrative.categories[code] ?? "";
          return (
            <section key={code} aria-labelledby={`category-${code}`} className="mb-8 max-w-[48rem]">
              <h3 id={`category-${code}`} className="mb-3 text-xl font-bold sm:text-2xl">
                {t("preview.categoryTitle", { code, title: tv(`category.${code}`) })}
              </h3>
              {text.trim() ? <Markdown>{text}</Markdown> : <p className="text-muted">{t("preview.noText")}</p>}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="figures" className="mb-12">
        <h2 id="figures" className={sectionHeading}>
          {t("preview.figuresTitle")}
        </h2>
        {s.items.map((item, index) => (
          <ReportItem key={item.key} item={item} anchor={`item-${index + 1}`} organizations={orgs} />
        ))}
      </section>

      <section aria-labelledby="observations" className="mb-12">
        <h2 id="observations" className={sectionHeading}>
          {t("preview.observationsTitle")}
        </h2>
        {s.observations.length === 0 ? (
          <p>{t("preview.noObservations")}</p>
        ) : (
          <div className="border-t border-border">
            {s.observations.map((o) => (
              <ObservationEntry
                key={o.id}
                observation={{
                  id: o.id,
                  title: o.title,
                  description: o.description,
                  occurredOn: o.occurredOn,
                  organizations: o.organizations.map((slug) => ({ slug, name: orgs.get(slug)?.name ?? slug })),
                  outsideActors: o.outsideActors,
                  sources: o.sources,
                  assessments: o.assessments.map((a) => {
                    const item = items.get(a.item);
                    return { key: a.item, title: item?.title ?? a.item, href: item ? itemHref(item) : "#", assessment: a.assessment };
                  }),
                  replies: o.replies.map((r) => ({ slug: r.organization, name: orgs.get(r.organization)?.name ?? r.organization, text: r.text })),
                }}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="organizations" className="max-w-[48rem]">
        <h2 id="organizations" className={sectionHeading}>
          {t("preview.organizationsTitle")}
        </h2>
        {s.organizations.length === 0 ? (
          <p>{t("preview.noOrganizations")}</p>
        ) : (
          <ul className="list-disc space-y-1 ps-6">
            {[...s.organizations]
              .sort((a, b) => a.name.localeCompare(b.name, "en"))
              .map((o) => (
                <li key={o.slug} className="break-words">
                  {o.name}
                </li>
              ))}
          </ul>
        )}
      </section>
    </>
  );
}
