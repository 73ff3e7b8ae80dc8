/**
 * Free text from the address (a search box's `q`), as a procedure takes it: the first value,
 * trimmed, at most `max` characters, and without U+0000. PostgreSQL cannot compare text holding
 * U+0000, so procedures refuse it; a page drops it, as it ignores other parameters it cannot use,
 * rather than fail (`/search?q=a%00b` answered 500).
 */
export function queryText(value: string | string[] | undefined, max: number): string {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.replaceAll("\u0000", "").trim().slice(0, max) ?? "";
}
