import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SnapshotItem, YearOverYear } from "~/server/domain/stocktake-snapshot";
import { implementationStatuses } from "~/server/schemas/vocabulary";

/** "What changed since the previous year", from the comparison stored in the snapshot. */
export async function ReportChanges({
  changes,
  items,
  anchorOf,
}: {
  changes: YearOverYear | null;
  items: SnapshotItem[];
  anchorOf: (key: string) => string;
}) {
  const [t, tv, tst, format] = await Promise.all([
    getTranslations("stocktakes.changes"),
    getTranslations("vocabulary"),
    getTranslations("stocktakes.status"),
    getFormatter(),
  ]);
  const heading = "mb-4 text-2xl font-bold sm:text-3xl";
  if (!changes) {
    return (
      <section aria-labelledby="changes" className="mb-12 max-w-[48rem]">
        <h2 id="changes" className={heading}>
          {t("titleFirst")}
        </h2>
        <p>{t("first")}</p>
      </section>
    );
  }

  const percent = (x: number | null) => (x === null ? t("noFigure") : format.number(x, { style: "percent", maximumFractionDigits: 0 }));
  const direction = (before: number | null, after: number | null) => {
    if (before === null || after === null) return after === null ? t("figureGone") : t("figureNew");
    const points = Math.round((after - before) * 100);
    return points > 0 ? t("up", { points }) : points < 0 ? t("down", { points: -points }) : t("unchanged");
  };
  const groupLabel = (group: string) => {
    const [kind, value] = group.split(":");
    return kind === "stakeholderType"
      ? tv(`stakeholderType.${value}` as "stakeholderType.state")
      : tv(`region.${value}` as "region.global");
  };
  const linkTo = (key: string, title: string) =>
    items.some((i) => i.key === key) ? <a href={`#${anchorOf(key)}`}>{title}</a> : <span>{title}</span>;

  return (
    <section aria-labelledby="changes" className="mb-12 max-w-[48rem]">
      <h2 id="changes" className={heading}>
        {t("title", { year: changes.previousYear })}
      </h2>
      <p className="mb-2">
        {t.rich("lead", {
          year: changes.previousYear,
          revision: changes.previousRevision,
          link: (chunks) => <Link href={`/stocktakes/${changes.previousYear}`}>{chunks}</Link>,
        })}
      </p>
      <p className="mb-6 font-mono text-sm break-all text-muted" translate="no">
        {t("previousSha", { sha: changes.previousSha256 })}
      </p>

      <h3 className="mb-2 text-xl font-bold">{t("newTitle")}</h3>
      {changes.newItems.length ? (
        <ul className="mb-6 list-disc ps-6">
          {changes.newItems.map((i) => (
            <li key={i.key}>{linkTo(i.key, i.title)}</li>
          ))}
        </ul>
      ) : (
        <p className="mb-6">{t("newNone")}</p>
      )}

      <h3 className="mb-2 text-xl font-bold">{t("supportTitle")}</h3>
      {changes.support.length ? (
        <ul className="mb-6 border-t border-border">
          {changes.support.map((c) => (
            <li key={c.key} className="border-b border-border py-3">
              <p className="font-bold">{linkTo(c.key, c.title)}</p>
              <p>
                {t("supportOverall", { before: percent(c.before), after: percent(c.after), change: direction(c.before, c.after) })}
              </p>
              {c.byGroup.length ? (
                <ul className="mt-1 list-disc ps-6 text-base sm:text-lg">
                  {c.byGroup.map((g) => (
                    <li key={g.group}>
                      {t("supportGroup", { group: groupLabel(g.group), before: percent(g.before), after: percent(g.after), change: direction(g.before, g.after) })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-6">{t("supportNone")}</p>
      )}

      <h3 className="mb-2 text-xl font-bold">{t("implementationTitle")}</h3>
      {changes.implementation.length ? (
        <ul className="border-t border-border">
          {changes.implementation.map((c) => (
            <li key={c.key} className="border-b border-border py-3">
              <p className="font-bold">{linkTo(c.key, c.title)}</p>
              <ul className="mt-1 list-disc ps-6 text-base sm:text-lg">
                {implementationStatuses.map((s) => (
                  <li key={s}>{t("implementationLine", { status: tst(s), before: c.before[s], after: c.after[s] })}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("implementationNone")}</p>
      )}
    </section>
  );
}
