import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { api, load } from "~/app/_trpc/server";

/**
 * The organisation's implementation statements in published reports and its replies to
 * observations, each naming who entered it and, where one did, who countersigned it (issue 17).
 */
export async function OrganizationStocktakeRecord({ slug, name }: { slug: string; name: string }) {
  const [record, t, ts, format] = await Promise.all([
    load(() => api.stocktakes.forOrganization({ slug })),
    getTranslations("clearance.record"),
    getTranslations("stocktakes.status"),
    getFormatter(),
  ]);
  if (record.statements.length === 0 && record.replies.length === 0) return null;
  const who = (entry: { recordedBy: string; countersignedBy: string | null; updatedAt: Date }) => (
    <p className="text-base text-muted">
      {t("filed", { name: entry.recordedBy })}
      {entry.countersignedBy ? `, ${t("countersignedBy", { name: entry.countersignedBy })}` : null} ·{" "}
      <time dateTime={entry.updatedAt.toISOString()}>{format.dateTime(entry.updatedAt, { dateStyle: "medium" })}</time>
    </p>
  );
  return (
    <section aria-labelledby="stocktake-record-heading" className="mb-10" data-testid="stocktake-record">
      <h2 id="stocktake-record-heading" className="mb-2 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-4 max-w-2xl text-muted">{t("lead", { name })}</p>
      {record.statements.length > 0 ? (
        <>
          <h3 className="mb-2 text-lg font-bold sm:text-xl">{t("statementsTitle")}</h3>
          <ul className="mb-6 border-t border-border">
            {record.statements.map((s) => (
              <li key={`${s.year}-${s.title}`} className="border-b border-border py-4">
                <p className="mb-1 font-semibold break-words">{s.normSlug ? <Link href={`/norms/${s.normSlug}`}>{s.title}</Link> : s.title}</p>
                <p className="mb-1">
                  <Link href={`/stocktakes/${s.year}`}>{t("statusLine", { year: s.year, status: ts(s.status) })}</Link>
                </p>
                {s.text ? <p className="mb-1 max-w-2xl whitespace-pre-line break-words">{s.text}</p> : null}
                {who(s)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {record.replies.length > 0 ? (
        <>
          <h3 className="mb-2 text-lg font-bold sm:text-xl">{t("repliesTitle")}</h3>
          <ul className="border-t border-border">
            {record.replies.map((r) => (
              <li key={`${r.year}-${r.observationTitle}-${r.updatedAt.toISOString()}`} className="border-b border-border py-4">
                <p className="mb-1 font-semibold break-words">
                  <Link href={`/stocktakes/${r.year}`}>{r.observationTitle}</Link>
                </p>
                <blockquote className="mb-1 max-w-2xl border-s-4 border-border ps-4 whitespace-pre-line break-words">
                  <p>{r.text}</p>
                </blockquote>
                {who(r)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
