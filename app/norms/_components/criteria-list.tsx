import { getFormatter, getTranslations } from "next-intl/server";
import type { Criterion, CriterionResult } from "~/server/domain/criteria";

type Move = "openEndorsement" | "conclude";

/** A published criterion in words, with its threshold; the stage is the one the move closes. */
async function criterionText(c: Criterion, move: Move) {
  const [t, format] = await Promise.all([getTranslations("norms.criteria"), getFormatter()]);
  return t(c.criterion, { stage: move === "conclude" ? "endorsement" : "consultation", threshold: c.criterion === "minBridging" ? format.number(c.threshold, { minimumFractionDigits: 2 }) : c.threshold });
}

/** The criteria of a move as published (/about/process): what must hold, without a norm's figures. */
export async function PublishedCriteria({ move, criteria }: { move: Move; criteria: readonly Criterion[] }) {
  const items = await Promise.all(criteria.map((c) => criterionText(c, move)));
  return (
    <ul className="list-disc ps-6">
      {items.map((text, i) => (
        <li key={criteria[i]!.criterion} className="mb-1">
          {text}
        </li>
      ))}
    </ul>
  );
}

/** Each criterion of a move, met or not, with the norm's figure: on the norm page, the desk and the timeline. */
export async function CriteriaResults({
  move,
  results,
  headingId,
  compact = false,
}: {
  move: Move;
  results: readonly CriterionResult[];
  headingId?: string;
  /** One short line each, for a table cell (the secretariat's desk). */
  compact?: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("norms.criteria"), getFormatter()]);
  const texts = await Promise.all(results.map((c) => criterionText(c, move)));
  const figure = (r: CriterionResult) => {
    switch (r.criterion) {
      case "stageClosed":
        return t(r.met ? "closedYes" : "closedNo");
      case "minOrganizations":
        return t("figureOrganizations", { value: r.value });
      case "minStakeholderTypes":
        return t("figureTypes", { value: r.value });
      case "minRegions":
        return t("figureRegions", { value: r.value });
      case "minBridging":
        return t("figureBridging", { value: format.number(r.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
    }
  };
  if (compact) {
    return (
      <ul className="space-y-1 text-base">
        {results.map((r, i) => (
          <li key={r.criterion}>
            <span className={r.met ? "font-bold text-success" : "font-bold text-destructive"}>{r.met ? t("met") : t("notMet")}</span>
            {": "}
            {texts[i]} ({figure(r)})
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="border-t border-border" aria-labelledby={headingId}>
      {results.map((r, i) => (
        <li key={r.criterion} className="flex flex-col gap-1 border-b border-border py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-6">
          <span>{texts[i]}</span>
          <span className="shrink-0 font-bold">
            <span className={r.met ? "text-success" : "text-destructive"}>{r.met ? t("met") : t("notMet")}</span>
            {" · "}
            <span className="font-normal">{figure(r)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
