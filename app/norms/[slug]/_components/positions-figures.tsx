import { getFormatter, getTranslations } from "next-intl/server";
import { stances } from "~/server/schemas/vocabulary";
import type { NormPositions } from "./positions-load";
import { StanceSwatch } from "./positions-stance";

/** Support, bridging, breadth and contestation, then the counts behind them. */
export async function PositionsFigures({
  measures,
  currentVersion,
}: {
  measures: NormPositions["measures"];
  currentVersion: number;
}) {
  const [t, tv, format] = await Promise.all([getTranslations("positions.figures"), getTranslations("vocabulary"), getFormatter()]);
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  const { counts, breadth } = measures;

  const figures = [
    {
      id: "support",
      term: t("support"),
      value:
        measures.support === null ? (counts.total === 0 ? t("supportNone") : t("supportNoneAbstain")) : t("supportValue", { value: percent(measures.support) }),
      text: t("supportText"),
    },
    {
      id: "bridging",
      term: t("bridging"),
      value: t("bridgingValue", { value: format.number(measures.bridging, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) }),
      text: t("bridgingText"),
    },
    {
      id: "breadth",
      term: t("breadth"),
      value: t("breadthValue", {
        types: breadth.stakeholderTypes,
        ofTypes: breadth.ofStakeholderTypes,
        regions: breadth.regions,
        ofRegions: breadth.ofRegions,
      }),
      text: t("breadthText"),
    },
    {
      id: "contestation",
      term: t("contestation"),
      value: measures.contestation === null ? t("contestationNone") : t("contestationValue", { value: percent(measures.contestation) }),
      text: t("contestationText"),
    },
  ];

  return (
    <div className="mb-10">
      <h3 className="sr-only">{t("title")}</h3>
      <dl className="mb-6 grid gap-4 sm:grid-cols-2">
        {figures.map((f) => (
          <div key={f.id} className="border-t-4 border-primary bg-surface p-4 sm:p-5" data-figure={f.id}>
            <dt className="mb-1 text-base font-bold text-muted sm:text-lg">{f.term}</dt>
            <dd className="mb-2 text-xl font-bold sm:text-2xl">{f.value}</dd>
            <dd className="text-base text-muted">{f.text}</dd>
          </div>
        ))}
      </dl>

      <h3 id="positions-counts-heading" className="mb-2 text-lg font-bold sm:text-xl">
        {t("countsTitle")}
      </h3>
      <ul className="mb-3 flex flex-wrap gap-x-6 gap-y-2" aria-labelledby="positions-counts-heading">
        {stances.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <StanceSwatch stance={s} />
            <span>{t("countItem", { stance: tv(`stance.${s}`), count: counts[s] })}</span>
          </li>
        ))}
      </ul>
      <p>
        <strong>{t("total", { count: counts.total })}</strong>
        {" · "}
        {t("onCurrentText", { current: measures.onCurrentText, total: counts.total, version: currentVersion })}
      </p>
      {measures.uncounted > 0 ? <p className="text-muted">{t("uncounted", { count: measures.uncounted })}</p> : null}
    </div>
  );
}
