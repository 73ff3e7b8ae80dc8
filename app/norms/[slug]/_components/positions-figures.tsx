import { getFormatter, getTranslations } from "next-intl/server";
import { stances } from "~/server/schemas/vocabulary";
import type { CountedMeasures } from "~/server/domain/measures";
import type { NormPositions } from "./positions-load";
import { StanceSwatch } from "./positions-stance";

/** Support, bridging, breadth and contestation, then the counts behind them. */
export async function PositionsFigures({
  measures,
  currentVersion,
  level: Heading = "h3",
  idPrefix = "positions",
}: {
  /** The live measures, or a frozen record's (which has no per-position figures). */
  measures: CountedMeasures & Partial<Pick<NormPositions["measures"], "onCurrentText" | "uncounted">>;
  currentVersion: number;
  level?: "h3" | "h4";
  idPrefix?: string;
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
      <Heading className="sr-only">{t("title")}</Heading>
      <dl className="mb-6 grid gap-4 sm:grid-cols-2">
        {figures.map((f) => (
          <div key={f.id} className="border-t-4 border-primary bg-surface p-4 sm:p-5" data-figure={f.id}>
            <dt className="mb-1 text-base font-bold text-muted sm:text-lg">{f.term}</dt>
            <dd className="mb-2 text-xl font-bold sm:text-2xl">{f.value}</dd>
            <dd className="text-base text-muted">{f.text}</dd>
          </div>
        ))}
      </dl>

      <Heading id={`${idPrefix}-counts-heading`} className="mb-2 text-lg font-bold sm:text-xl">
        {t("countsTitle")}
      </Heading>
      <ul className="mb-3 flex flex-wrap gap-x-6 gap-y-2" aria-labelledby={`${idPrefix}-counts-heading`}>
        {stances.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <StanceSwatch stance={s} />
            <span>{t("countItem", { stance: tv(`stance.${s}`), count: counts[s] })}</span>
          </li>
        ))}
      </ul>
      <p>
        <strong>{t("total", { count: counts.total })}</strong>
        {measures.onCurrentText === undefined ? null : (
          <>
            {" · "}
            {t("onCurrentText", { current: measures.onCurrentText, total: counts.total, version: currentVersion })}
          </>
        )}
      </p>
      {measures.uncounted ? <p className="text-muted">{t("uncounted", { count: measures.uncounted })}</p> : null}
    </div>
  );
}
