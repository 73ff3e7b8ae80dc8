import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AmendmentView } from "~/server/domain/amendments";
import { type AmendmentState, amendmentStates, stakeholderTypes } from "~/server/schemas/vocabulary";
import { DiffText } from "../redline/_components/diff-text";

export interface AmendmentsData {
  open: boolean;
  counts: Record<AmendmentState, number>;
  amendments: readonly AmendmentView[];
}

const itemHref = (slug: string, number: number) => `/norms/${slug}/amendments/${number}`;

/** Who proposed it, and for which organisation. */
async function Proposer({ amendment }: { amendment: AmendmentView }) {
  const t = await getTranslations("amendments.section");
  return amendment.organization ? t("byFor", { name: amendment.authorName, organization: amendment.organization.name }) : t("by", { name: amendment.authorName });
}

/** Support by stakeholder type, the types with any, in the vocabulary's order; people's own names last. */
async function SupportLine({ amendment }: { amendment: AmendmentView }) {
  const [t, tv] = await Promise.all([getTranslations("amendments.section"), getTranslations("vocabulary")]);
  const byType = amendment.support.byType;
  const parts = [
    ...stakeholderTypes.filter((type) => byType[type] > 0).map((type) => `${tv(`stakeholderType.${type}`)} ${byType[type]}`),
    ...(byType.individual > 0 ? [`${t("individual")} ${byType.individual}`] : []),
  ];
  return (
    <>
      {t("support", { count: amendment.support.total })}
      {parts.length ? ` (${parts.join(" · ")})` : ""}
    </>
  );
}

/** The open amendments to one clause of the current text, with their redlines, under the clause. */
export async function ClauseAmendments({ slug, clause, amendments, open }: { slug: string; clause: number; amendments: readonly AmendmentView[]; open: boolean }) {
  const t = await getTranslations("amendments.clause");
  const here = amendments.filter((a) => a.state === "open" && a.currentClause === clause);
  if (!here.length && !open) return null;
  return (
    <div className="mt-2 text-base">
      {here.length ? (
        <div className="mb-2 border-s-4 border-border ps-3">
          <p className="font-bold">{t("open", { count: here.length })}</p>
          <ul>
            {here.map((a) => (
              <li key={a.number} className="mt-2">
                <p>
                  <Link href={itemHref(slug, a.number)}>{t("item", { number: a.number, name: a.organization?.name ?? a.authorName })}</Link>
                </p>
                <DiffText parts={a.redline} show="inline" />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {open ? (
        <p>
          <Link href={`/norms/${slug}/amendments/new?clause=${clause}`}>
            {t("propose")}
            <span className="sr-only"> {t("proposeOn", { clause })}</span>
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** Every amendment to the norm, by state, with its proposer, its support by type and what became of it. */
export async function AmendmentsSection({ slug, data, closedByClock }: { slug: string; data: AmendmentsData; closedByClock: boolean }) {
  const [t, ts, tl, tk, format] = await Promise.all([
    getTranslations("amendments.section"),
    getTranslations("amendments.state"),
    getTranslations("amendments.stateLead"),
    getTranslations("amendments.kind"),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <section aria-labelledby="amendments-heading" className="mb-10">
      <h2 id="amendments-heading" className="mb-3 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-3 max-w-2xl">{t("lead")}</p>
      {data.amendments.length ? <p className="mb-4 text-muted">{t("counts", data.counts)}</p> : <p className="mb-4">{t("none")}</p>}
      {data.open ? (
        <p className="mb-6">
          <Link href={`/norms/${slug}/amendments/new`} className="font-bold">
            {t("propose")}
          </Link>
        </p>
      ) : (
        <p className="mb-6 text-muted">{closedByClock ? t("closedByClock") : t("closed")}</p>
      )}
      {amendmentStates
        .filter((state) => data.counts[state] > 0)
        .map((state) => (
          <section key={state} aria-labelledby={`amendments-${state}-heading`} className="mb-6">
            <h3 id={`amendments-${state}-heading`} className="mb-1 text-lg font-bold">
              {ts(state)} ({data.counts[state]})
            </h3>
            <p className="mb-2 text-muted">{tl(state)}</p>
            <ul className="border-t border-border">
              {data.amendments
                .filter((a) => a.state === state)
                .map((a) => (
                  <li key={a.number} className="border-b border-border py-3" data-testid={`amendment-${a.number}`}>
                    <p className="flex flex-wrap items-baseline gap-x-3">
                      <Link href={itemHref(slug, a.number)} className="font-bold">
                        {t("item", { number: a.number })}
                      </Link>
                      <span>
                        {tk(a.kind, { clause: a.clause })} {t("on", { version: a.baseVersion })}
                      </span>
                    </p>
                    <p className="text-base text-muted">
                      <Proposer amendment={a} /> · {date(a.createdAt)}
                    </p>
                    {a.conflict ? <p className="mt-1 font-bold text-destructive-strong">{t("conflict")}</p> : null}
                    <p className="mt-1 text-base">
                      <SupportLine amendment={a} /> · {t("comments", { count: a.comments })}
                    </p>
                    {a.state === "accepted" && a.acceptedVersion ? (
                      <p className="mt-1">
                        {t.rich("acceptedInto", { version: a.acceptedVersion, link: (chunks) => <Link href={`/norms/${slug}/v/${a.acceptedVersion}`}>{chunks}</Link> })}
                      </p>
                    ) : null}
                    {a.state === "declined" && a.reason ? <p className="mt-1 max-w-2xl whitespace-pre-line">{t("reason", { reason: a.reason })}</p> : null}
                  </li>
                ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
