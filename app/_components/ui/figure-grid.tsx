import type * as React from "react";
import { cn } from "./cn";

export interface Figure {
  id: string;
  term: string;
  value: React.ReactNode;
}

/** Headline numbers as a grid of cards, a term over a large figure: totals and progress counts. */
export function FigureGrid({ figures, className }: { figures: readonly Figure[]; className?: string }) {
  return (
    <dl className={cn("grid grid-cols-2 gap-3", className)}>
      {figures.map((f) => (
        <div key={f.id} className="border-t-4 border-primary bg-surface p-4" data-figure={f.id}>
          <dt className="text-base font-bold text-muted sm:text-lg">{f.term}</dt>
          <dd className="text-3xl font-bold tabular-nums">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
