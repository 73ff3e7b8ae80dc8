import type { inferRouterOutputs } from "@trpc/server";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { ClausesNamed } from "~/app/norms/[slug]/_components/clauses-named";
import { NormStatusBadge } from "~/app/norms/_components/norm-badges";
import { StageDeadlineText } from "~/app/norms/_components/stage-deadline";
import type { AppRouter } from "~/server/root";

type Data = inferRouterOutputs<AppRouter>["positions"]["forOrganization"];

const entryKeys = { recorded: "entryRecorded", reaffirmed: "entryReaffirmed", withdrawn: "entryWithdrawn" } as const;

/** The organisation's current positions on norms, and every entry it has ever recorded. */
export async function OrganizationPositions({ data }: { data: Data }) {
  const [t, tv, th, format] = await Promise.all([getTranslations("organizations.positions"), getTranslations("vocabulary"), getTranslations("positions.history"), getFormatter()]);
  const tc = await getTranslations("clearance.record");
  const { organization, positions, history } = data;
  const date = (d: Date) => (
    <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium" })}</time>
  );

  return (
    <>
      <section aria-labelledby="positions-heading" className="mb-10">
        <h2 id="positions-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {t("title")}
        </h2>
        <p className="mb-4 max-w-2xl text-muted">{t("lead", { name: organization.name })}</p>
        {!organization.verified && positions.length > 0 ? (
          <Alert variant="warning" className="mb-6">
            <AlertDescription>
              <p>{t("notCounted")}</p>
            </AlertDescription>
          </Alert>
        ) : null}

        {positions.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="border-t border-border">
            {positions.map((p) => (
              <li key={p.norm.slug} className="border-b border-border py-5">
                <h3 className="mb-2 text-lg font-bold sm:text-xl">
                  <Link href={`/norms/${p.norm.slug}`}>{p.norm.title}</Link>
                </h3>
                <p className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-2">
                  <span className="sr-only">{t("normStatus")} </span>
                  <NormStatusBadge status={p.norm.status} />
                  <span className="font-semibold">{t("stance", { stance: tv(`stance.${p.stance}`) })}</span>
                </p>
                {p.norm.stage ? (
                  <p className="mb-3 text-base">
                    <StageDeadlineText stage={p.norm.stage} />
                  </p>
                ) : null}
                <ClausesNamed clauses={p.clauses} />
                {p.statement ? (
                  <blockquote className="mb-3 max-w-2xl border-s-4 border-border ps-4 whitespace-pre-line break-words">
                    <p>{p.statement}</p>
                  </blockquote>
                ) : null}
                {!p.current ? (
                  <p className="mb-1 font-semibold">{t("earlierVersion", { version: p.version, current: p.norm.currentVersion })}</p>
                ) : null}
                <p className="text-base text-muted">
                  {t.rich("recorded", { date: () => date(p.recordedAt), name: p.recordedBy })}
                  {p.countersignedBy ? <>, {tc("countersignedBy", { name: p.countersignedBy })}</> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-base">
          <Link href="/about/methodology">{t("methodology")}</Link>
        </p>
      </section>

      {history.length > 0 ? (
        <section aria-labelledby="history-heading" className="mb-10">
          <h2 id="history-heading" className="mb-2 text-xl font-bold sm:text-2xl">
            {t("historyTitle")}
          </h2>
          <p className="mb-4 max-w-2xl text-muted">{t("historyLead")}</p>
          <details className="group">
            <summary className="cursor-pointer font-semibold text-link underline underline-offset-4">
              {t("historyShow", { count: history.length })}
            </summary>
            <ol className="mt-4 border-t border-border">
              {history.map((h) => (
                <li key={`${h.norm.slug}-${h.sequence}`} className="border-b border-border py-4">
                  <p className="mb-1 text-base text-muted">{date(h.recordedAt)}</p>
                  <p className="mb-1 font-semibold">
                    <Link href={`/norms/${h.norm.slug}`}>{h.norm.title}</Link>
                  </p>
                  <p>
                    {t(entryKeys[h.kind], {
                      stance: tv(`stance.${h.stance}`),
                      version: h.version,
                      name: h.recordedBy,
                    })}
                  </p>
                  {h.countersignedBy ? <p className="text-base text-muted">{tc("countersignedLine", { name: h.countersignedBy })}</p> : null}
                  <ClausesNamed clauses={h.clauses} className="mt-1 mb-0" />
                  {h.recordedByStaff ? <p className="mt-1 text-base text-muted">{th("byStaff")}</p> : null}
                  {h.statement ? (
                    <blockquote className="mt-2 max-w-2xl border-s-4 border-border ps-4 whitespace-pre-line break-words">
                      <p>{h.statement}</p>
                    </blockquote>
                  ) : null}
                </li>
              ))}
            </ol>
          </details>
        </section>
      ) : null}
    </>
  );
}
