import type { Stance } from "~/server/schemas/vocabulary";

// Server-rendered SVG bars. Decorative: every chart sits beside a table with the same figures,
// which is what assistive technology reads. The fills are told apart by pattern and lightness as
// well as hue (as on the norm pages), and none is red or green, which would suggest a right answer.

const PATTERN_RESERVATIONS = "stocktake-fill-reservations";
const PATTERN_OBJECT = "stocktake-fill-object";

export const stanceSvgFill: Record<Stance, { fill: string; stroke?: string }> = {
  endorse: { fill: "#1d70b8" },
  endorse_with_reservations: { fill: `url(#${PATTERN_RESERVATIONS})` },
  object: { fill: `url(#${PATTERN_OBJECT})` },
  abstain: { fill: "#f3f2f1", stroke: "#b1b4b6" },
};

/** The pattern definitions the charts refer to; rendered once per page. */
export function ChartDefs() {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="absolute overflow-hidden">
      <defs>
        <pattern id={PATTERN_RESERVATIONS} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#bbd4ea" />
          <rect width="3" height="8" fill="#1d70b8" />
        </pattern>
        <pattern id={PATTERN_OBJECT} patternUnits="userSpaceOnUse" width="7" height="7">
          <rect width="7" height="7" fill="#dee0e2" />
          <path d="M0 0L7 7M7 0L0 7" stroke="#505a5f" strokeWidth="1.5" />
        </pattern>
      </defs>
    </svg>
  );
}

/** A key square for a legend, in the same fill as the bars. */
export function Swatch({ fill }: { fill: { fill: string; stroke?: string } }) {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" className="shrink-0">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill.fill} stroke="#0b0c0c" />
    </svg>
  );
}

export interface BarRow {
  key: string;
  label: string;
  segments: { key: string; value: number }[];
}

/**
 * Horizontal bars, one per row, stacked by segment; lengths are relative to the longest row.
 * Percent geometry without a viewBox keeps the patterns unstretched at any width.
 */
export function BarChart({
  rows,
  fills,
  legend,
}: {
  rows: readonly BarRow[];
  fills: Record<string, { fill: string; stroke?: string }>;
  legend?: readonly { key: string; label: string }[];
}) {
  const total = (r: BarRow) => r.segments.reduce((n, s) => n + s.value, 0);
  const widest = Math.max(1, ...rows.map(total));
  return (
    <div aria-hidden="true" className="mb-4">
      {legend ? (
        <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-base">
          {legend.map((l) => (
            <li key={l.key} className="flex items-center gap-2">
              <Swatch fill={fills[l.key]!} />
              {l.label}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="flex flex-col gap-2">
        {rows.map((r) => {
          let x = 0;
          const sum = total(r);
          return (
            <li key={r.key} className="grid gap-1 sm:grid-cols-[minmax(0,13rem)_minmax(0,1fr)] sm:items-center sm:gap-4">
              <span className="text-base">{r.label}</span>
              <span className="flex items-center gap-2">
                <svg width="100%" height="24" className="min-w-0 flex-1" focusable="false">
                  {sum === 0 ? <rect x="0" y="0" width="1" height="24" fill="#b1b4b6" /> : null}
                  {r.segments
                    .filter((s) => s.value > 0)
                    .map((s) => {
                      const width = (s.value / widest) * 100;
                      const rect = (
                        <rect
                          key={s.key}
                          x={`${x}%`}
                          y="0"
                          width={`${width}%`}
                          height="24"
                          fill={fills[s.key]!.fill}
                          stroke={fills[s.key]!.stroke ?? "#ffffff"}
                          strokeWidth={fills[s.key]!.stroke ? 1 : 2}
                        />
                      );
                      x += width;
                      return rect;
                    })}
                </svg>
                <span className="w-8 shrink-0 text-end text-base font-bold tabular-nums">{sum}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
