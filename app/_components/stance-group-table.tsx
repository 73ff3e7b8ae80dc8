import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import type { StanceCounts } from "~/server/domain/measures";
import { stances } from "~/server/schemas/vocabulary";

export interface StanceGroupRow {
  key: string;
  label: string;
  counts: StanceCounts;
  support: number | null;
}

/**
 * Positions by group (stakeholder type or region) as a table: a row per group, a column per
 * stance, the total and the group's support. A norm's page and the stock-take report show it
 * after their charts, as the charts' accessible form.
 */
export async function StanceGroupTable({
  caption,
  groupColumn,
  rows,
  className,
  containerClassName,
  rowHeaderClassName,
}: {
  caption: string;
  groupColumn: string;
  rows: readonly StanceGroupRow[];
  className?: string;
  containerClassName?: string;
  rowHeaderClassName?: string;
}) {
  const [t, tv, format] = await Promise.all([getTranslations("positions.groups"), getTranslations("vocabulary"), getFormatter()]);
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  return (
    <Table scrollLabel={caption} containerClassName={containerClassName} className={className}>
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{groupColumn}</TableHead>
          {stances.map((s) => (
            <TableHead key={s} scope="col" className="text-end">
              {tv(`stance.${s}`)}
            </TableHead>
          ))}
          <TableHead scope="col" className="text-end">
            {t("colTotal")}
          </TableHead>
          <TableHead scope="col" className="text-end">
            {t("colSupport")}
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableHead scope="row" className={rowHeaderClassName}>
              {r.label}
            </TableHead>
            {stances.map((s) => (
              <TableCell key={s} className="text-end tabular-nums">
                {r.counts[s]}
              </TableCell>
            ))}
            <TableCell className="text-end font-bold tabular-nums">{r.counts.total}</TableCell>
            <TableCell className="text-end tabular-nums">{r.support === null ? t("noSupport") : percent(r.support)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
