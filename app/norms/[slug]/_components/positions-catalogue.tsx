import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clauseExcerpt } from "./clause-excerpt";
import { ClausesNamed } from "./clauses-named";
import type { NormPositions } from "./positions-load";
import { StanceSwatch } from "./positions-stance";

export const catalogueGroupings = ["type", "region", "clause"] as const;
export type CatalogueGrouping = (typeof catalogueGroupings)[number];

/**
 * The objections and reservations with their statements, grouped by stakeholder type, region or
 * the clause they name. Listed as stated, without ranking or comment: the forum catalogues
 * differences, it takes no side.
 */
export async function PositionsCatalogue({
  slug,
  catalogue,
  grouping,
  clauses,
  currentVersion,
}: {
  slug: string;
  catalogue: NormPositions["catalogue"];
  grouping: CatalogueGrouping;
  /** The current version's clauses, which the grouping by clause lists. */
  clauses: readonly string[];
  currentVersion: number;
}) {
  const [t, tl, tv, format] = await Promise.all([
    getTranslations("positions.catalogue"),
    getTranslations("positions.list"),
    getTranslations("vocabulary"),
    getFormatter(),
  ]);
  type Group = { key: string; label: string; excerpt?: string; note?: string; total: number; entries: (typeof catalogue.byRegion)[number]["entries"]; all: string };
  const byClause = (): Group[] => [
    ...catalogue.byClause.map((g) => {
      const text = clauses[g.group - 1];
      return {
        key: `clause-${g.group}`,
        label: text === undefined ? t("clauseEarlier", { number: g.group }) : t("clauseHeading", { number: g.group }),
        excerpt: text === undefined ? undefined : clauseExcerpt(text),
        note: text === undefined ? t("clauseEarlierNote", { number: g.group }) : undefined,
        total: g.total,
        entries: g.entries,
        all: `clause=${g.group}`,
      };
    }),
    ...(catalogue.notAboutAClause.total > 0
      ? [{ key: "clause-none", label: t("notAboutAClause"), total: catalogue.notAboutAClause.total, entries: catalogue.notAboutAClause.entries, all: "clause=0" }]
      : []),
  ];
  const groups: Group[] =
    grouping === "clause"
      ? byClause()
      : grouping === "region"
        ? catalogue.byRegion.map((g) => ({ key: g.group, label: tv(`region.${g.group}`), total: g.total, entries: g.entries, all: `region=${g.group}` }))
        : catalogue.byStakeholderType.map((g) => ({
            key: g.group,
            label: tv(`stakeholderType.${g.group}`),
            total: g.total,
            entries: g.entries,
            all: `type=${g.group}`,
          }));
  // Every objection and reservation has a stakeholder type: none there means none at all.
  const none = catalogue.byStakeholderType.length === 0;
  const switches: { value: CatalogueGrouping; label: string }[] = [
    { value: "type", label: t("byType") },
    { value: "region", label: t("byRegion") },
    { value: "clause", label: t("byClause") },
  ];

  return (
    <section id="catalogue" aria-labelledby="catalogue-heading" className="mb-10">
      <h3 id="catalogue-heading" className="mb-2 text-lg font-bold sm:text-xl">
        {t("title")}
      </h3>
      <p className="mb-4 max-w-2xl">{t("lead")}</p>
      {none ? (
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
          {grouping === "clause" ? <p className="mb-6 max-w-2xl">{t("clauseLead", { version: currentVersion })}</p> : null}
          {groups.map((g) => (
            <div key={g.key} id={grouping === "clause" ? `catalogue-${g.key}` : undefined} className="mb-8 last:mb-0">
              <h4 className="mb-3 text-base font-bold sm:text-lg">
                {/* A clause nobody names says so below, rather than "(0 statements)". */}
                {g.label} {g.total > 0 ? <span className="font-normal text-muted">({t("groupCount", { count: g.total })})</span> : null}
              </h4>
              {g.excerpt ? <p className="mb-3 max-w-2xl border-s-4 border-border ps-3 text-base break-words text-muted">{g.excerpt}</p> : null}
              {g.note ? <p className="mb-3 max-w-2xl text-base text-muted">{g.note}</p> : null}
              {g.total === 0 ? <p className="text-base">{t("clauseNone")}</p> : null}
              {g.entries.length === 0 ? null : <ul className="flex flex-col gap-5">
                {g.entries.map((e) => (
                  <li key={e.organization.slug} className="border-s-8 border-border ps-4">
                    <p className="mb-1 flex items-center gap-2 font-bold">
                      <StanceSwatch stance={e.stance} />
                      {tv(`stance.${e.stance}`)}
                      {e.current ? null : <span className="font-normal text-muted">({tl("givenOnText", { version: e.version })})</span>}
                    </p>
                    <ClausesNamed clauses={e.clauses} className="font-normal" />
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
              </ul>}
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
