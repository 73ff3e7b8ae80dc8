import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import type { AdherencePoint } from "~/server/domain/adherence";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";
import { AdherenceStepChart, niceTop, valuesOf } from "./adherence-chart";
import { PositionsFigures } from "./positions-figures";
import { PositionsGroups } from "./positions-groups";
import type { NormAdherence } from "./positions-load";

type Frozen = NonNullable<NormAdherence["frozen"]>;

/** A concluded norm's figures as they stood at the close of endorsement: the record, never changed. */
export async function FrozenFigures({ frozen, currentVersion }: { frozen: Frozen; currentVersion: number }) {
  const [t, tg, tv, format] = await Promise.all([getTranslations("positions.adherence"), getTranslations("positions.groups"), getTranslations("vocabulary"), getFormatter()]);
  const date = format.dateTime(frozen.frozenAt, { dateStyle: "long", timeZone: "UTC" });
  const m = frozen.measures;
  return (
    <section aria-labelledby="frozen-figures-heading" className="mb-10 border-s-4 border-border ps-4 sm:ps-6" data-testid="frozen-figures">
      <h3 id="frozen-figures-heading" className="mb-2 text-lg font-bold sm:text-xl">
        {t("frozenTitle", { date })}
      </h3>
      <p className="mb-6 max-w-2xl">{t("frozenLead", { date })}</p>
      {m.counts.total === 0 ? (
        <p className="mb-4">{t("frozenEmpty")}</p>
      ) : (
        <>
          <PositionsFigures measures={m} currentVersion={currentVersion} level="h4" idPrefix="frozen" />
          <details className="mb-4">
            <summary className="cursor-pointer font-semibold text-link underline underline-offset-4">{t("frozenGroups")}</summary>
            <div className="mt-4">
              <PositionsGroups
                level="h4"
                id="frozen-by-type"
                title={tg("byType")}
                caption={tg("captionType")}
                groupColumn={tg("colType")}
                rows={m.byStakeholderType.map((g) => ({ ...g, label: tv(`stakeholderType.${g.group}`) }))}
              />
              <PositionsGroups
                level="h4"
                id="frozen-by-region"
                title={tg("byRegion")}
                caption={tg("captionRegion")}
                groupColumn={tg("colRegion")}
                rows={m.byRegion.map((g) => ({ ...g, label: tv(`region.${g.group}`) }))}
              />
            </div>
          </details>
        </>
      )}
    </section>
  );
}

/**
 * "Adherence since conclusion": how many adhere now, at the conclusion, joined and left since, a
 * step chart of the adherents by day (with small multiples by type and region), and the same
 * figures as tables. `children` are the live figures, shown under this heading.
 */
export async function AdherenceSince({ slug, data, children }: { slug: string; data: NormAdherence; children: React.ReactNode }) {
  const [t, tv, format] = await Promise.all([getTranslations("positions.adherence"), getTranslations("vocabulary"), getFormatter()]);
  const series = data.series;
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const concluded = data.concludedAt ? format.dateTime(data.concludedAt, { dateStyle: "long", timeZone: "UTC" }) : "";
  const first = series[0];
  const last = series.at(-1);
  // The chart runs to today: the count has stood since the last change.
  const end = last && last.date > data.asOf ? last.date : data.asOf;
  const joined = series.slice(1).reduce((n, p) => n + p.joined, 0);
  const left = series.slice(1).reduce((n, p) => n + p.left, 0);
  // Headroom above the highest count, so the line is never drawn on the chart's edge.
  const top = niceTop(Math.max(0, ...series.map((p) => p.total)));
  return (
    <section aria-labelledby="adherence-heading" className="mb-10" data-testid="adherence">
      <h3 id="adherence-heading" className="mb-2 text-lg font-bold sm:text-xl">
        {t("title")}
      </h3>
      <p className="mb-6 max-w-2xl">{t("lead", { date: concluded })}</p>
      {first && last ? (
        <>
          <dl className="mb-6 grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label={t("figuresLabel")}>
            {[
              { id: "now", term: t("now"), value: last.total },
              { id: "atConclusion", term: t("atConclusion"), value: first.total },
              { id: "joinedSince", term: t("joinedSince"), value: joined },
              { id: "leftSince", term: t("leftSince"), value: left },
            ].map((f) => (
              <div key={f.id} className="border-t-4 border-primary bg-surface p-3 sm:p-4" data-adherence={f.id}>
                <dt className="text-base font-bold text-muted">{f.term}</dt>
                <dd className="text-2xl font-bold tabular-nums">{f.value}</dd>
              </div>
            ))}
          </dl>

          <h4 id="adherence-chart-heading" className="mb-3 text-lg font-bold">
            {t("chartTitle")}
          </h4>
          <figure className="mb-6" aria-labelledby="adherence-chart-heading">
            <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
              <div className="flex flex-col justify-between text-end text-sm tabular-nums text-muted" aria-hidden="true">
                <span>{top}</span>
                <span>0</span>
              </div>
              <AdherenceStepChart
                points={valuesOf(series, (p) => p.total)}
                end={end}
                top={top}
                title={t("chartTitle")}
                description={t("chartDescription", { start: day(first.date), end: day(end), first: first.total, last: last.total })}
              />
              <span />
              <div className="mt-1 flex justify-between text-sm text-muted" aria-hidden="true">
                <span>{day(first.date)}</span>
                {end !== first.date ? <span>{day(end)}</span> : null}
              </div>
            </div>
          </figure>

          <SmallMultiples
            title={t("byType")}
            end={end}
            top={top}
            groups={stakeholderTypes.map((g) => ({ key: g, label: tv(`stakeholderType.${g}`), points: valuesOf(series, (p) => p.byStakeholderType[g]) }))}
          />
          <SmallMultiples
            title={t("byRegion")}
            end={end}
            top={top}
            groups={regions.map((g) => ({ key: g, label: tv(`region.${g}`), points: valuesOf(series, (p) => p.byRegion[g]) }))}
          />

          <details className="mb-8">
            <summary className="cursor-pointer font-semibold text-link underline underline-offset-4">{t("tableSummary")}</summary>
            <div className="mt-4 flex flex-col gap-6">
              <SeriesTable
                caption={t("tableTypeCaption")}
                series={series}
                columns={stakeholderTypes.map((g) => ({ key: g, label: tv(`stakeholderType.${g}`), value: (p: AdherencePoint) => p.byStakeholderType[g] }))}
                day={day}
              />
              <SeriesTable
                caption={t("tableRegionCaption")}
                series={series}
                columns={regions.map((g) => ({ key: g, label: tv(`region.${g}`), value: (p: AdherencePoint) => p.byRegion[g] }))}
                day={day}
              />
            </div>
          </details>
        </>
      ) : null}
      {children}
      <p className="mt-2">
        <Link href={`/api/v1/norms/${slug}/adherence`}>{t("openData")}</Link>
      </p>
    </section>
  );
}

/** One small step chart per group, on the same scale as the total's, labelled with the count now. */
function SmallMultiples({
  title,
  groups,
  end,
  top,
}: {
  title: string;
  groups: { key: string; label: string; points: { date: string; value: number }[] }[];
  end: string;
  top: number;
}) {
  return (
    <div className="mb-6" aria-hidden="true">
      <p className="mb-2 font-bold">{title}</p>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-3 lg:grid-cols-3">
        {groups.map((g) => (
          <li key={g.key} className="min-w-0">
            <p className="flex justify-between gap-2 text-sm">
              <span className="truncate">{g.label}</span>
              <span className="font-bold tabular-nums">{g.points.at(-1)?.value ?? 0}</span>
            </p>
            <AdherenceStepChart points={g.points} end={end} top={top} title={g.label} description="" height="h-12" decorative />
          </li>
        ))}
      </ul>
    </div>
  );
}

async function SeriesTable({
  caption,
  series,
  columns,
  day,
}: {
  caption: string;
  series: readonly AdherencePoint[];
  columns: { key: string; label: string; value: (p: AdherencePoint) => number }[];
  day: (d: string) => string;
}) {
  const t = await getTranslations("positions.adherence");
  const id = `adherence-table-${columns[0]?.key ?? "total"}`;
  // The caption stands above the scrolling table, so a narrow screen shows it whole.
  return (
    <div>
      <p id={id} className="mb-2 font-bold">
        {caption}
      </p>
      <Table scrollLabel={caption} aria-labelledby={id} className="text-base">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("colDate")}</TableHead>
          <TableHead scope="col" className="text-end">{t("colJoined")}</TableHead>
          <TableHead scope="col" className="text-end">{t("colLeft")}</TableHead>
          <TableHead scope="col" className="text-end">{t("colTotal")}</TableHead>
          {columns.map((c) => (
            <TableHead key={c.key} scope="col" className="text-end">
              {c.label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {series.map((p) => (
          <TableRow key={p.date}>
            <TableHead scope="row" className="font-normal whitespace-nowrap">
              {day(p.date)}
            </TableHead>
            <TableCell className="text-end tabular-nums">{p.joined}</TableCell>
            <TableCell className="text-end tabular-nums">{p.left}</TableCell>
            <TableCell className="text-end font-bold tabular-nums">{p.total}</TableCell>
            {columns.map((c) => (
              <TableCell key={c.key} className="text-end tabular-nums">
                {c.value(p)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
      </Table>
    </div>
  );
}
