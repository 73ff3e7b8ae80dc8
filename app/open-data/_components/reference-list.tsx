import type { ReactNode } from "react";

export interface ReferenceRow {
  key: string;
  name: ReactNode;
  type: ReactNode;
  description: ReactNode;
}

const columns = "md:grid md:grid-cols-[minmax(9rem,13rem)_minmax(12rem,18rem)_1fr] md:gap-x-5";

/**
 * Parameters or fields: name, type and description. A description list rather than a table, so
 * it stacks on a phone instead of scrolling sideways; the column headings show on wide screens.
 */
export function ReferenceList({ label, headings, rows }: { label: string; headings: [string, string, string]; rows: ReferenceRow[] }) {
  return (
    <div className="mb-6">
      <div aria-hidden="true" className={`hidden border-b border-border pb-2 font-bold ${columns}`}>
        {headings.map((h) => (
          <span key={h}>{h}</span>
        ))}
      </div>
      <dl aria-label={label}>
        {rows.map((row) => (
          <div key={row.key} className={`border-b border-border py-3 ${columns}`}>
            <dt className="break-words">{row.name}</dt>
            <dd className="mt-1 break-words md:mt-0">{row.type}</dd>
            <dd className="mt-1 md:mt-0">{row.description}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
