import type { AdherencePoint } from "~/server/domain/adherence";

// Server-rendered step charts of a concluded norm's adherents over time. The SVG draws only the
// lines, stretched to its box (non-scaling strokes), so it reads the same at 390 and 1280 px; the
// labels are HTML around it, and the figures are in the tables beside it.

const DAY = 86_400_000;
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A round number a little above `max`: the chart's top. */
export function niceTop(max: number) {
  const raw = Math.max(2, max * 1.2);
  const step = Math.max(1, 10 ** Math.floor(Math.log10(raw)) / 5);
  return Math.ceil(raw / step) * step;
}

/** The step line's path and the area under it, in a 0-100 box (x by date, y by count up to `top`). */
export function stepPaths(points: readonly { date: string; value: number }[], end: string, top: number) {
  const start = dayMs(points[0]!.date);
  // The last day is drawn to its end, so a single day still has a width.
  const span = Math.max(DAY, dayMs(end) + DAY - start);
  const x = (date: string) => ((dayMs(date) - start) / span) * 100;
  const y = (value: number) => 100 - (value / Math.max(1, top)) * 100;
  const round = (n: number) => Math.round(n * 100) / 100;
  let line = `M0 ${round(y(points[0]!.value))}`;
  for (const p of points.slice(1)) line += ` H${round(x(p.date))} V${round(y(p.value))}`;
  line += " H100";
  return { line, area: `${line} V100 H0 Z` };
}

export function AdherenceStepChart({
  points,
  end,
  top,
  title,
  description,
  height = "h-40 sm:h-52",
  decorative = false,
}: {
  points: readonly { date: string; value: number }[];
  end: string;
  top: number;
  title: string;
  description: string;
  height?: string;
  /** A small multiple whose figures are in the table: hidden from assistive technology. */
  decorative?: boolean;
}) {
  const { line, area } = stepPaths(points, end, top);
  const id = `adherence-${title.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
  return (
    <svg
      viewBox="0 0 100 100"
      preserveAspectRatio="none"
      className={`block w-full ${height} border-s-2 border-b-2 border-foreground bg-surface`}
      focusable="false"
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-labelledby": `${id}-title ${id}-desc` })}
    >
      {decorative ? null : (
        <>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
        </>
      )}
      {[25, 50, 75].map((g) => (
        <line key={g} x1="0" x2="100" y1={g} y2={g} stroke="#b1b4b6" strokeWidth="1" vectorEffect="non-scaling-stroke" strokeDasharray="2 4" />
      ))}
      <path d={area} fill="#bbd4ea" />
      <path d={line} fill="none" stroke="#1d70b8" strokeWidth="3" vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
    </svg>
  );
}

/** The series as one group's values, or the total. */
export const valuesOf = (series: readonly AdherencePoint[], pick: (p: AdherencePoint) => number) => series.map((p) => ({ date: p.date, value: pick(p) }));
