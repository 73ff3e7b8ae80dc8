import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { safeUrl } from "~/app/_components/markdown";
import { StanceGroupTable } from "~/app/_components/stance-group-table";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import type { GroupFigures } from "~/server/domain/measures";
import type { SnapshotItem, SnapshotOrganization } from "~/server/domain/stocktake-snapshot";
import { implementationStatuses, stances } from "~/server/schemas/vocabulary";
import { BarChart, stanceSvgFill } from "./charts";
import { itemHref } from "./load";

const implementationFill = { count: { fill: "#1d70b8" } };

/** One covered norm in a published report: its figures, charts with their tables, its text as it stood. */
export async function ReportItem({
  item,
  anchor,
  organizations,
}: {
  item: SnapshotItem;
  anchor: string;
  organizations: Map<string, SnapshotOrganization>;
}) {
  const [t, tv, tst, format] = await Promise.all([
    getTranslations("stocktakes.item"),
    getTranslations("vocabulary"),
    getTranslations("stocktakes.status"),
    getFormatter(),
  ]);
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  const m = item.measures;
  const nameOf = (slug: string) => organizations.get(slug)?.name ?? slug;

  const groupTable = (id: string, title: string, caption: string, groupColumn: string, rows: { key: string; label: string; figures: GroupFigures<string> }[]) => (
    <section aria-labelledby={`${anchor}-${id}`} className="mb-8">
      <h5 id={`${anchor}-${id}`} className="mb-3 text-lg font-bold">
        {title}
      </h5>
      <BarChart
        fills={stanceSvgFill}
        legend={stances.map((s) => ({ key: s, label: tv(`stance.${s}`) }))}
        rows={rows.map((r) => ({ key: r.key, label: r.label, segments: stances.map((s) => ({ key: s, value: r.figures.counts[s] })) }))}
      />
      <StanceGroupTable
        caption={caption}
        groupColumn={groupColumn}
        rows={rows.map((r) => ({ key: r.key, label: r.label, counts: r.figures.counts, support: r.figures.support }))}
        className="text-base"
        rowHeaderClassName="font-normal"
      />
    </section>
  );

  return (
    <section id={anchor} aria-labelledby={`${anchor}-heading`} className="mb-12 scroll-mt-4 border-t-4 border-border pt-6" data-item={item.key}>
      <h3 id={`${anchor}-heading`} className="mb-2 text-xl font-bold sm:text-2xl">
        {item.title}
      </h3>
      <p className="mb-1 text-muted">
        {item.kind === "forum"
          ? t("forumMeta", { version: item.version ?? 0, status: item.status ? tv(`normStatus.${item.status}` as "normStatus.draft") : "" })
          : t("referenceMeta")}
        {item.categories.length ? ` · ${t("categories", { codes: item.categories.join(", ") })}` : null}
      </p>
      <p className="mb-6">
        <Link href={itemHref(item)}>{item.kind === "forum" ? t("openNorm", { title: item.title }) : t("openReference", { title: item.title })}</Link>
      </p>

      {m ? (
        <section aria-labelledby={`${anchor}-positions`} className="mb-8">
          <h4 id={`${anchor}-positions`} className="mb-3 text-lg font-bold sm:text-xl">
            {t("positionsTitle")}
          </h4>
          <dl className="mb-6 grid grid-cols-2 gap-3 xl:grid-cols-4">
            {[
              { id: "support", term: t("support"), value: m.support === null ? t("noFigure") : percent(m.support) },
              { id: "bridging", term: t("bridging"), value: format.number(m.bridging, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) },
              { id: "contestation", term: t("contestation"), value: m.contestation === null ? t("noFigure") : percent(m.contestation) },
              { id: "counted", term: t("counted"), value: String(m.counts.total) },
            ].map((f) => (
              <div key={f.id} className="bg-surface p-3" data-figure={f.id}>
                <dt className="text-base font-bold text-muted">{f.term}</dt>
                <dd className="text-2xl font-bold tabular-nums">{f.value}</dd>
              </div>
            ))}
          </dl>
          <p className="mb-6 text-base text-muted">
            {t("positionsNote", { current: m.onCurrentText, total: m.counts.total })}{" "}
            <Link href="/about/methodology">{t("methodology")}</Link>
          </p>
          {m.counts.total > 0 ? (
            <>
              {groupTable(
                "by-type",
                t("byType"),
                t("byTypeCaption", { title: item.title }),
                t("colType"),
                m.byStakeholderType.map((g) => ({ key: g.group, label: tv(`stakeholderType.${g.group}`), figures: g })),
              )}
              {groupTable(
                "by-region",
                t("byRegion"),
                t("byRegionCaption", { title: item.title }),
                t("colRegion"),
                m.byRegion.map((g) => ({ key: g.group, label: tv(`region.${g.group}`), figures: g })),
              )}
            </>
          ) : (
            <p>{t("noPositions")}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby={`${anchor}-implementation`} className="mb-8">
        <h4 id={`${anchor}-implementation`} className="mb-3 text-lg font-bold sm:text-xl">
          {t("implementationTitle")}
        </h4>
        <BarChart
          fills={implementationFill}
          rows={implementationStatuses.map((s) => ({ key: s, label: tst(s), segments: [{ key: "count", value: item.implementation[s] }] }))}
        />
        <Table scrollLabel={t("implementationCaption", { title: item.title })} className="max-w-[32rem] text-base">
          <TableCaption className="sr-only">{t("implementationCaption", { title: item.title })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("colStatus")}</TableHead>
              <TableHead scope="col" className="text-end">
                {t("colOrganisations")}
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {implementationStatuses.map((s) => (
              <TableRow key={s}>
                <TableHead scope="row" className="font-normal">
                  {tst(s)}
                </TableHead>
                <TableCell className="text-end tabular-nums">{item.implementation[s]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section aria-labelledby={`${anchor}-observations`} className="mb-6">
        <h4 id={`${anchor}-observations`} className="mb-2 text-lg font-bold sm:text-xl">
          {t("observationsTitle")}
        </h4>
        <p>{t("observationsText", { consistent: item.observations.consistent, inconsistent: item.observations.inconsistent })}</p>
      </section>

      <div className="flex flex-col gap-3">
        <details className="group">
          <summary className="cursor-pointer font-semibold text-link underline underline-offset-4">
            {item.kind === "forum" ? t("textForum", { version: item.version ?? 0 }) : t("textReference")}
          </summary>
          <div className="mt-3 max-w-[48rem] border-s-4 border-border ps-4">
            {item.text.length > 1 ? (
              <ol className="list-decimal ps-6">
                {item.text.map((clause, i) => (
                  <li key={i} className="mb-2 whitespace-pre-line">
                    {clause}
                  </li>
                ))}
              </ol>
            ) : (
              item.text.map((clause, i) => (
                <p key={i} className="whitespace-pre-line">
                  {clause}
                </p>
              ))
            )}
          </div>
        </details>
        <details className="group">
          <summary className="cursor-pointer font-semibold text-link underline underline-offset-4">
            {t("statementsTitle", { count: item.statements.length })}
          </summary>
          <div className="mt-3 max-w-[48rem]">
            {item.statements.length === 0 ? (
              <p>{t("statementsNone")}</p>
            ) : (
              <ul className="border-t border-border">
                {item.statements.map((st) => (
                  <li key={st.organization} className="border-b border-border py-3">
                    <p>
                      <Link href={`/organizations/${st.organization}`} className="font-bold">
                        {nameOf(st.organization)}
                      </Link>
                      {" · "}
                      {tst(st.status)}
                    </p>
                    {st.text ? <p className="whitespace-pre-line">{st.text}</p> : null}
                    {st.links.length ? (
                      <ul className="mt-1 text-base">
                        {st.links.map((l) => (
                          <li key={l} className="break-all">
                            {safeUrl(l) ? (
                              <a href={safeUrl(l)} rel="nofollow ugc noopener" target="_blank">
                                {l}
                              </a>
                            ) : (
                              l
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </details>
      </div>
    </section>
  );
}
