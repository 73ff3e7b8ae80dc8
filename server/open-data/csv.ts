// RFC 4180 CSV, with a guard against formula injection when a spreadsheet opens the file.

export type CsvValue = string | number | boolean | null | undefined;

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
// (OWASP "CSV injection"); a leading apostrophe makes them show it as text.
const formulaStart = /^[=+\-@\t\r]/;

/** One cell: formula-guarded text, quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** The header line, ended by CRLF as RFC 4180 says. */
export const csvHeader = <T>(columns: readonly CsvColumn<T>[]) => `${columns.map((c) => csvCell(c.header)).join(",")}\r\n`;

/** One line per row, each ended by CRLF. */
export function csvLines<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
  let text = "";
  for (const row of rows) text += `${columns.map((c) => csvCell(c.value(row))).join(",")}\r\n`;
  return text;
}

/** A header line and one line per row, each ended by CRLF as RFC 4180 says. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
  return csvHeader(columns) + csvLines(columns, rows);
}
