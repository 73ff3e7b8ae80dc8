import type * as React from "react";

/**
 * Classes that turn a table into a block of labelled lines per row below 640 px, where its columns
 * would not fit a phone. The header row stays for screen readers, and the elements whose display
 * changes carry their roles (table, rowgroup, row, rowheader, cell) explicitly, since browsers drop
 * a table's semantics with its display. Each cell shows its column's name as a CellLabel on narrow
 * screens, hidden from screen readers, which announce the column header instead.
 */
export const stack = {
  table: "max-sm:block",
  body: "max-sm:block",
  row: "max-sm:block max-sm:py-3",
  cell: "max-sm:block max-sm:py-1 max-sm:pe-0",
} as const;

/** The column's name above a cell's value, on narrow screens only (the table's header says it on wide ones). */
export function CellLabel({ children }: { children: React.ReactNode }) {
  return (
    <span aria-hidden="true" className="block font-bold sm:hidden">
      {children}
    </span>
  );
}
