import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { CellLabel, stack } from "~/app/_components/ui/stacked-table";
import { cn } from "~/app/_components/ui/cn";
import { api, load } from "~/app/_trpc/server";
import { CriteriaResults } from "~/app/norms/_components/criteria-list";
import { SecretariatNav } from "../_components/secretariat-nav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secretariat.decisions");
  return { title: t("metaTitle") };
}

/**
 * The secretariat's desk (norms.awaitingDecision): norms whose consultation or endorsement has
 * reached its closing date, the longest waiting first. The decisions themselves are taken on the
 * norm's page.
 */
export default async function AwaitingDecisionPage() {
  const desk = await load(() => api.norms.awaitingDecision());
  const [t, tc, format] = await Promise.all([getTranslations("secretariat.decisions"), getTranslations("secretariat"), getFormatter()]);
  // The last open day is a date in UTC; shown as such, whatever the reader's zone.
  const day = (lastDay: string) => format.dateTime(new Date(`${lastDay}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  return (
    <>
      <SecretariatNav current="decisions" />
      <PageHeader caption={tc("caption")} title={t("title")} description={t("lead")} />
      <p className="mb-4 max-w-[42rem]">{t("howTo")}</p>
      <p className="mb-8">
        <Link href="/about/process">{t("rulesLink")}</Link>
      </p>
      {desk.items.length === 0 ? (
        <p className="text-lg" data-testid="decisions-empty">
          {t("empty")}
        </p>
      ) : (
        <>
          <p className="mb-6 text-muted" data-testid="decisions-count">
            {desk.total > desk.items.length ? t("countOfTotal", { shown: desk.items.length, total: desk.total }) : t("count", { count: desk.total })}
          </p>
          {/* On a phone each norm is a block of labelled lines; from 640 px, a table. */}
          <Table className={stack.table} role="table">
            <TableCaption className="sr-only">{t("caption")}</TableCaption>
            <TableHeader className="max-sm:sr-only">
              <TableRow>
                <TableHead scope="col">{t("colNorm")}</TableHead>
                <TableHead scope="col">{t("colStage")}</TableHead>
                <TableHead scope="col">{t("colClosed")}</TableHead>
                <TableHead scope="col">{t("colWaiting")}</TableHead>
                <TableHead scope="col" className="sm:text-end">
                  {t("colPositions")}
                </TableHead>
                <TableHead scope="col">{t("colCriteria")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody className={stack.body} role="rowgroup">
              {desk.items.map((norm) => (
                <TableRow key={norm.id} data-testid="decision-row" className={stack.row} role="row">
                  <TableHead scope="row" role="rowheader" className={cn("font-normal", stack.cell)}>
                    <Link href={`/norms/${norm.slug}`} className="font-bold break-words">
                      {norm.title}
                    </Link>
                    <span className="block text-base text-muted">{t("version", { version: norm.currentVersion })}</span>
                  </TableHead>
                  <TableCell role="cell" className={stack.cell}>
                    <CellLabel>{t("colStage")}</CellLabel>
                    {t("stage", { stage: norm.stage.stage })}
                  </TableCell>
                  <TableCell role="cell" className={stack.cell}>
                    <CellLabel>{t("colClosed")}</CellLabel>
                    <time dateTime={norm.stage.lastDay}>{t("closedOn", { date: day(norm.stage.lastDay) })}</time>
                  </TableCell>
                  {/* daysLeft is -1 on the day after the last open day: closed since 00:00 UTC today. */}
                  <TableCell role="cell" className={cn("tabular-nums", stack.cell)}>
                    <CellLabel>{t("colWaiting")}</CellLabel>
                    {t("waiting", { days: Math.max(0, -norm.stage.daysLeft - 1) })}
                  </TableCell>
                  <TableCell role="cell" className={cn("tabular-nums sm:text-end", stack.cell)}>
                    <CellLabel>{t("colPositions")}</CellLabel>
                    {norm.positionCount}
                  </TableCell>
                  <TableCell role="cell" className={cn("min-w-64", stack.cell)}>
                    <CellLabel>{t("colCriteria")}</CellLabel>
                    <CriteriaResults move={norm.nextStep.move} results={norm.nextStep.criteria} compact />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
