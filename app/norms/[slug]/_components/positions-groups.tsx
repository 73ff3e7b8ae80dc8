import { getFormatter, getTranslations } from "next-intl/server";
import { StanceGroupTable } from "~/app/_components/stance-group-table";
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
  level: Heading = "h3",
}: {
  level?: "h3" | "h4";
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
      <Heading id={headingId} className="mb-4 text-lg font-bold sm:text-xl">
        {title}
      </Heading>

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

      <StanceGroupTable
        caption={caption}
        groupColumn={groupColumn}
        rows={rows.map((r) => ({ key: r.group, label: r.label, counts: r.counts, support: r.support }))}
        containerClassName="hidden md:block"
        className="text-base sm:text-lg"
      />
      {rows.some((r) => r.support === null) ? <p className="mt-3 hidden text-base text-muted md:block">{t("noSupportNote")}</p> : null}
    </section>
  );
}
