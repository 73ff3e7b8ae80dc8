import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import type { StanceCounts } from "~/server/domain/measures";
import { stances } from "~/server/schemas/vocabulary";
import { stanceFill, StanceSwatch } from "./positions-stance";

export interface GroupRow {
  group: string;
  label: string;
  counts: StanceCounts;
  support: number | null;
}

/** Counts by stakeholder type or by region: a stacked bar chart for the eye, the table for everyone. */
export async function PositionsGroups({
  id,
  title,
  caption,
  groupColumn,
  rows,
}: {
  id: string;
  title: string;
  caption: string;
  groupColumn: string;
  rows: readonly GroupRow[];
}) {
  const [t, tv, format] = await Promise.all([getTranslations("positions.groups"), getTranslations("vocabulary"), getFormatter()]);
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  const widest = Math.max(1, ...rows.map((r) => r.counts.total));
  const headingId = `${id}-heading`;

  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h3 id={headingId} className="mb-4 text-lg font-bold sm:text-xl">
        {title}
      </h3>

      <div aria-hidden="true" className="mb-6">
        <ul className="mb-4 flex flex-wrap gap-x-5 gap-y-1 text-base">
          {stances.map((s) => (
            <li key={s} className="flex items-center gap-2">
              <StanceSwatch stance={s} />
              {tv(`stance.${s}`)}
            </li>
          ))}
        </ul>
        <ul className="flex flex-col gap-3">
          {rows.map((r) => (
            <li key={r.group} className="grid gap-1 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:items-center sm:gap-4">
              <span className="text-base">{r.label}</span>
              <span className="flex items-center gap-2">
                <span className="flex h-7 min-w-0 flex-1">
                  {r.counts.total === 0 ? (
                    <span className="h-full w-px bg-border" />
                  ) : (
                    stances
                      .filter((s) => r.counts[s] > 0)
                      .map((s) => {
                        const share = r.counts[s] / widest;
                        return (
                          <span
                            key={s}
                            className="flex h-full items-center justify-center border-e-2 border-background last:border-e-0"
                            style={{ ...stanceFill[s], width: `${share * 100}%` }}
                          >
                            {share >= 0.08 ? <span className="bg-background px-1 text-sm leading-tight font-bold">{r.counts[s]}</span> : null}
                          </span>
                        );
                      })
                  )}
                </span>
                <span className="w-8 shrink-0 text-end text-base font-bold">{r.counts.total}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>

      {/* Narrow screens: the same figures as a list, since eight columns do not fit. */}
      <ul className="border-t border-border md:hidden" aria-label={caption}>
        {rows.map((r) => (
          <li key={r.group} className="border-b border-border py-3">
            <p className="font-bold">{r.label}</p>
            <p>
              {t("listTotal", { count: r.counts.total })}
              {" · "}
              {r.support === null ? t("listNoSupport") : t("listSupport", { value: percent(r.support) })}
            </p>
            <p className="text-base text-muted">
              {stances.map((s) => t("listCount", { stance: tv(`stance.${s}`), count: r.counts[s] })).join(" · ")}
            </p>
          </li>
        ))}
      </ul>

      <Table scrollLabel={caption} containerClassName="hidden md:block" className="text-base sm:text-lg">
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
            <TableRow key={r.group}>
              <TableHead scope="row">
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
      {rows.some((r) => r.support === null) ? <p className="mt-3 hidden text-base text-muted md:block">{t("noSupportNote")}</p> : null}
    </section>
  );
}
