import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "~/app/_components/ui/cn";

/** "On clauses 2 and 3": the clauses a reservation or objection names, by their numbers on the version it was given on. */
export async function ClausesNamed({ clauses, className }: { clauses: readonly number[] | undefined; className?: string }) {
  if (!clauses || clauses.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("positions.list"), getFormatter()]);
  return (
    <p className={cn("mb-2 font-semibold", className)} data-testid="clauses-named">
      {t("onClauses", { count: clauses.length, list: format.list(clauses.map(String), { type: "conjunction" }) })}
    </p>
  );
}
