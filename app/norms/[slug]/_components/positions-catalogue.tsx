import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { NormPositions } from "./positions-load";
import { StanceSwatch } from "./positions-stance";

export type CatalogueGrouping = "type" | "region";

/**
 * The objections and reservations with their statements, grouped by stakeholder type or region.
 * Listed as stated, without ranking or comment: the forum catalogues differences, it takes no side.
 */
export async function PositionsCatalogue({
  slug,
  catalogue,
  grouping,
}: {
  slug: string;
  catalogue: NormPositions["catalogue"];
  grouping: CatalogueGrouping;
}) {
  const [t, tl, tv, format] = await Promise.all([
    getTranslations("positions.catalogue"),
    getTranslations("positions.list"),
    getTranslations("vocabulary"),
    getFormatter(),
  ]);
  const groups =
    grouping === "region"
      ? catalogue.byRegion.map((g) => ({ key: g.group, label: tv(`region.${g.group}`), total: g.total, entries: g.entries, all: `region=${g.group}` }))
      : catalogue.byStakeholderType.map((g) => ({
          key: g.group,
          label: tv(`stakeholderType.${g.group}`),
          total: g.total,
          entries: g.entries,
          all: `type=${g.group}`,
        }));
  const switches: { value: CatalogueGrouping; label: string }[] = [
    { value: "type", label: t("byType") },
    { value: "region", label: t("byRegion") },
  ];

  return (
    <section id="catalogue" aria-labelledby="catalogue-heading" className="mb-10">
      <h3 id="catalogue-heading" className="mb-2 text-lg font-bold sm:text-xl">
        {t("title")}
      </h3>
      <p className="mb-4 max-w-2xl">{t("lead")}</p>
      {groups.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <nav aria-label={t("groupBy")} className="mb-6">
            <p className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <span className="font-bold">{t("groupBy")}:</span>
              {switches.map((s) =>
                s.value === grouping ? (
                  <span key={s.value} aria-current="true" className="border-b-4 border-primary font-bold">
                    {s.label}
                  </span>
                ) : (
                  <Link key={s.value} href={`/norms/${slug}?catalogue=${s.value}#catalogue`}>
                    {s.label}
                  </Link>
                ),
              )}
            </p>
          </nav>
          {groups.map((g) => (
            <div key={g.key} className="mb-8 last:mb-0">
              <h4 className="mb-3 text-base font-bold sm:text-lg">
                {g.label} <span className="font-normal text-muted">({t("groupCount", { count: g.total })})</span>
              </h4>
              <ul className="flex flex-col gap-5">
                {g.entries.map((e) => (
                  <li key={e.organization.id} className="border-s-8 border-border ps-4">
                    <p className="mb-1 flex items-center gap-2 font-bold">
                      <StanceSwatch stance={e.stance} />
                      {tv(`stance.${e.stance}`)}
                      {e.current ? null : <span className="font-normal text-muted">({tl("givenOnText", { version: e.version })})</span>}
                    </p>
                    <p className="mb-2 max-w-2xl whitespace-pre-line break-words">{e.statement}</p>
                    <p className="text-base text-muted">
                      <Link href={`/organizations/${e.organization.slug}`}>{e.organization.name}</Link>
                      {" · "}
                      {tv(`stakeholderType.${e.organization.stakeholderType}`)}
                      {" · "}
                      {tv(`region.${e.organization.region}`)}
                      {" · "}
                      <time dateTime={e.recordedAt.toISOString()}>{format.dateTime(e.recordedAt, { dateStyle: "long" })}</time>
                    </p>
                  </li>
                ))}
              </ul>
              {g.total > g.entries.length ? (
                <p className="mt-4">
                  <Link href={`/norms/${slug}/positions?${g.all}&stance=reasoned`}>{t("seeGroup", { count: g.total, group: g.label })}</Link>
                </p>
              ) : null}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
