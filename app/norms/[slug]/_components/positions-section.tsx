import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import type { NormStatus } from "~/server/schemas/vocabulary";
import { type CatalogueGrouping, PositionsCatalogue } from "./positions-catalogue";
import { PositionsFigures } from "./positions-figures";
import { PositionsGroups } from "./positions-groups";
import { PositionsList } from "./positions-list";
import { getAdherence, type NormPositions } from "./positions-load";
import { AdherenceSince, FrozenFigures } from "./adherence-section";

const closedKeys: Partial<Record<NormStatus, "closedConcluded" | "closedWithdrawn" | "closedMerged">> = {
  concluded: "closedConcluded",
  withdrawn: "closedWithdrawn",
  merged: "closedMerged",
};

/** "Where stakeholders stand": the published figures, the catalogue of reasons and every position. */
export async function PositionsSection({ data, grouping }: { data: NormPositions; grouping: CatalogueGrouping }) {
  const [t, tg, tl, tv] = await Promise.all([
    getTranslations("positions.section"),
    getTranslations("positions.groups"),
    getTranslations("positions.list"),
    getTranslations("vocabulary"),
  ]);
  const { norm, measures } = data;
  const closedKey = data.closedReason ? closedKeys[norm.status] : undefined;
  const hasAny = data.positionsTotal > 0 || data.uncountedTotal > 0;
  // A concluded norm: its figures at the close of endorsement (frozen), then adherence since (live).
  const adherence = norm.status === "concluded" ? await getAdherence(norm.slug) : null;
  const level = adherence?.frozen ? "h4" : "h3";
  const liveFigures =
    data.positions.length === 0 ? null : (
      <>
        <PositionsFigures measures={measures} currentVersion={norm.currentVersion} level={level} />
        <PositionsGroups
          level={level}
          id="positions-by-type"
          title={tg("byType")}
          caption={tg("captionType")}
          groupColumn={tg("colType")}
          rows={measures.byStakeholderType.map((g) => ({ ...g, label: tv(`stakeholderType.${g.group}`) }))}
        />
        <PositionsGroups
          level={level}
          id="positions-by-region"
          title={tg("byRegion")}
          caption={tg("captionRegion")}
          groupColumn={tg("colRegion")}
          rows={measures.byRegion.map((g) => ({ ...g, label: tv(`region.${g.group}`) }))}
        />
      </>
    );

  return (
    <section id="positions" aria-labelledby="positions-heading" className="mt-6 border-t-4 border-foreground pt-6 sm:mt-10">
      <h2 id="positions-heading" className="mb-3 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-3 max-w-2xl">{t("lead")}</p>
      <p className="mb-6 flex flex-wrap gap-x-6 gap-y-1">
        <Link href="/about/methodology">{t("methodology")}</Link>
        {hasAny ? <Link href={`/norms/${norm.slug}/positions/history`}>{t("history")}</Link> : null}
      </p>

      {closedKey ? (
        <Alert variant="info" className="mb-8 max-w-3xl">
          <AlertTitle as="h3">{t("closedTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t(closedKey)}</p>
          </AlertDescription>
        </Alert>
      ) : null}

      {adherence?.frozen ? (
        <>
          <FrozenFigures frozen={adherence.frozen} currentVersion={norm.currentVersion} />
          <AdherenceSince slug={norm.slug} data={adherence}>
            {liveFigures}
          </AdherenceSince>
        </>
      ) : null}

      {data.positions.length === 0 ? (
        <div className="mb-10 max-w-2xl">
          <p className="mb-1 text-lg font-bold sm:text-xl">{t("emptyTitle")}</p>
          <p>{t("emptyText")}</p>
          {data.open ? <p className="mt-2">{t("emptyOpen")}</p> : null}
        </div>
      ) : (
        <>
          {adherence?.frozen ? null : liveFigures}
          <PositionsCatalogue slug={norm.slug} catalogue={data.catalogue} grouping={grouping} clauses={norm.clauses} currentVersion={norm.currentVersion} />
          <section aria-labelledby="positions-all-heading" className="mb-10">
            <h3 id="positions-all-heading" className="mb-4 text-lg font-bold sm:text-xl">
              {tl("title")} <span className="font-normal text-muted">({data.positionsTotal})</span>
            </h3>
            {data.positionsNext ? <p className="mb-4 text-muted">{tl("shownOf", { shown: data.positions.length, count: data.positionsTotal })}</p> : null}
            <PositionsList positions={data.positions} />
            <p className="mt-4">
              <Link href={`/norms/${norm.slug}/positions`}>{tl("seeAll", { count: data.positionsTotal })}</Link>
            </p>
          </section>
        </>
      )}

      {data.uncounted.length > 0 ? (
        <section aria-labelledby="positions-uncounted-heading" className="mb-10">
          <h3 id="positions-uncounted-heading" className="mb-2 text-lg font-bold sm:text-xl">
            {tl("uncountedTitle")}
          </h3>
          <p className="mb-4 max-w-2xl">{tl("uncountedText")}</p>
          <PositionsList positions={data.uncounted} />
          {data.uncountedTotal > data.uncounted.length ? (
            <p className="mt-4">
              <Link href={`/norms/${norm.slug}/positions?counted=no`}>{tl("seeAllUncounted", { count: data.uncountedTotal })}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
