import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { Pager } from "~/app/_components/pager";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";
import { PageHeader } from "~/app/_components/ui/page-header";
import { ClausesNamed } from "../../_components/clauses-named";
import { getPositionHistory, HISTORY_PAGE } from "../../_components/positions-load";
import { StanceSwatch } from "../../_components/positions-stance";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const after = async (searchParams: SearchParams) => {
  const value = (await searchParams).after;
  return (Array.isArray(value) ? value[0] : value) ?? "";
};

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const [history, t] = await Promise.all([getPositionHistory((await params).slug, await after(searchParams)), getTranslations("positions.history")]);
  return { title: t("metaTitle", { title: history.norm.title }) };
}

/** Every position recorded or reaffirmed on a norm, newest first: the append-only public record. */
export default async function PositionHistoryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const cursor = await after(searchParams);
  const [history, t, tl, tv, format] = await Promise.all([
    getPositionHistory(slug, cursor),
    getTranslations("positions.history"),
    getTranslations("positions.list"),
    getTranslations("vocabulary"),
    getFormatter(),
  ]);
  const { norm, entries, total, nextCursor } = history;

  return (
    <>
      <p className="mb-6">
        <Link href={`/norms/${norm.slug}#positions`}>
          <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">←</span>
          {t("back")}
        </Link>
      </p>
      <PageHeader caption={norm.title} title={t("title")} description={<p>{t("lead")}</p>} />

      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-4 text-xl font-bold sm:text-2xl">
            {t("caption")} <span className="font-normal text-muted">({t("count", { count: total })})</span>
          </h2>
          <ol className="border-t border-border" aria-labelledby="history-heading">
            {entries.map((e) => (
              <li key={`${e.organization.id}-${e.sequence}`} className="border-b border-border py-4">
                <p className="font-bold">
                  <Link href={`/organizations/${e.organization.slug}`}>{e.organization.name}</Link>
                </p>
                <p className="mb-2 text-base text-muted">
                  {tl("typeRegion", { type: tv(`stakeholderType.${e.organization.stakeholderType}`), region: tv(`region.${e.organization.region}`) })}
                  {e.organization.verified ? null : <> · {tl("verificationRevoked")}</>}
                </p>
                <p className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-2">
                  <Badge variant={e.kind === "recorded" ? "neutral" : "info"}>{t(e.kind)}</Badge>
                  <span className="flex items-center gap-2 font-bold">
                    <StanceSwatch stance={e.stance} />
                    {tv(`stance.${e.stance}`)}
                  </span>
                  <span className="text-muted">{t("onVersion", { version: e.version })}</span>
                </p>
                <ClausesNamed clauses={e.clauses} />
                {e.statement ? <p className="mb-2 max-w-2xl whitespace-pre-line break-words">{e.statement}</p> : null}
                <p className="text-base text-muted">
                  {t("by", {
                    name: e.recordedBy,
                    date: format.dateTime(e.recordedAt, { dateStyle: "long", timeStyle: "short" }),
                  })}
                </p>
                {e.revealedAt ? (
                  <p className="text-base text-muted" data-testid="revealed-at">
                    {t("revealed", { date: format.dateTime(e.revealedAt, { dateStyle: "long", timeStyle: "short" }) })}
                  </p>
                ) : null}
                {e.recordedByStaff ? (
                  <p className="text-base text-muted" data-testid="recorded-by-staff">
                    {t("byStaff")}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          <Pager
            label={t("pages")}
            back={cursor ? { href: `/norms/${norm.slug}/positions/history`, label: t("newest") } : null}
            next={nextCursor ? { href: `/norms/${norm.slug}/positions/history?after=${nextCursor}`, label: t("older", { count: HISTORY_PAGE }) } : null}
          />
        </section>
      )}
    </>
  );
}
