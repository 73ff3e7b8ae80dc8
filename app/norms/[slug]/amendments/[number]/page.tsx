import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { ContentsDisclosure } from "~/app/_components/page-contents";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { type StakeholderType, stakeholderTypes } from "~/server/schemas/vocabulary";
import { DiscussionSection } from "../../_components/discussion-section";
import { DiffText } from "../../redline/_components/diff-text";
import { AmendmentActionForm } from "../_components/decision-forms";

type Params = Promise<{ slug: string; number: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const getAmendment = cache(async (slug: string, raw: string) => {
  if (slug.length > 120 || !/^[1-9][0-9]{0,5}$/.test(raw)) notFound();
  return load(() => api.amendments.get({ slug, number: Number(raw) }));
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, number } = await params;
  const [data, t] = await Promise.all([getAmendment(slug, number), getTranslations("amendments.page")]);
  return { title: t("metaTitle", { number: data.amendment.number, title: data.norm.title }) };
}

/** One amendment: the change as a redline, its rationale, what became of it, its supporters and its discussion. */
export default async function AmendmentPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ slug, number }, query] = await Promise.all([params, searchParams]);
  const [data, actor, t, ts, tk, tsec, tsup, tw, td, tv, format] = await Promise.all([
    getAmendment(slug, number),
    getActor(),
    getTranslations("amendments.page"),
    getTranslations("amendments.state"),
    getTranslations("amendments.kind"),
    getTranslations("amendments.section"),
    getTranslations("amendments.support"),
    getTranslations("amendments.withdraw"),
    getTranslations("amendments.decide"),
    getTranslations("vocabulary"),
    getFormatter(),
  ]);
  const { norm, amendment: a, viewer } = data;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const normHref = `/norms/${norm.slug}`;
  // The verified organisations this person represents, to support it for.
  const organizations = viewer.canSupport && actor ? (await api.norms.formOptions()).organizations : [];
  const hasActions = viewer.canSupport || viewer.canWithdraw || viewer.canDecline;
  const contents = [
    { href: "#change-heading", label: t("change") },
    { href: "#rationale-heading", label: t("rationale") },
    { href: "#details-heading", label: t("details") },
    { href: "#supporters-heading", label: t("supporters") },
    ...(hasActions ? [{ href: "#actions-heading", label: t("actions") }] : []),
    { href: "#discussion-heading", label: t("discussion") },
  ];
  // Support by the types it has, in the vocabulary's order; people's own names last.
  const supportTypes: { key: StakeholderType | "individual"; label: string }[] = [
    ...stakeholderTypes.filter((type) => a.support.byType[type] > 0).map((type) => ({ key: type, label: tv(`stakeholderType.${type}`) })),
    ...(a.support.byType.individual > 0 ? [{ key: "individual" as const, label: tsec("individual") }] : []),
  ];

  return (
    <>
      <PageHeader caption={t("caption", { title: norm.title })} title={t("title", { number: a.number })} description={<p className="text-lg">{ts(a.state)}</p>} />
      <p className="mb-6">
        <Link href={`${normHref}#amendments-heading`}>{t("back")}</Link>
      </p>
      {a.conflict ? (
        <Alert variant="warning" className="mb-6 max-w-3xl">
          <AlertTitle>{t("conflictTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("conflictText", { clause: a.clause, version: a.baseVersion })}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <ContentsDisclosure title={t("contents")} items={contents} />

      <div className="grid gap-x-12 gap-y-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0">
          <section aria-labelledby="change-heading" className="mb-10">
            <h2 id="change-heading" className="mb-2 text-xl font-bold sm:text-2xl">
              {tk(a.kind, { clause: a.clause })}
            </h2>
            <p className="mb-4 text-muted">{t("changeLead", { clause: a.clause, version: a.baseVersion })}</p>
            <div className="border-s-4 border-border ps-4">
              <DiffText parts={a.redline} show="inline" lang={norm.language} />
            </div>
            {a.state === "open" && data.currentText !== null && a.baseVersion !== norm.currentVersion ? (
              <div className="mt-4">
                <h3 className="mb-1 text-lg font-bold">{t("latest", { version: norm.currentVersion })}</h3>
                <p lang={norm.language} className="max-w-[42rem] whitespace-pre-line">
                  {data.currentText}
                </p>
              </div>
            ) : null}
          </section>

          <section aria-labelledby="rationale-heading" className="mb-10">
            <h2 id="rationale-heading" className="mb-3 text-xl font-bold sm:text-2xl">
              {t("rationale")}
            </h2>
            <Markdown>{a.rationale}</Markdown>
          </section>

          <h2 id="details-heading" className="mb-3 text-xl font-bold sm:text-2xl">
            {t("details")}
          </h2>
          <DescriptionList
            items={[
              { id: "state", term: t("state"), details: ts(a.state) },
              {
                id: "proposer",
                term: t("proposer"),
                details: a.organization ? (
                  <>
                    <p>
                      <Link href={`/organizations/${a.organization.slug}`}>{a.organization.name}</Link>
                    </p>
                    <p className="text-muted">{a.authorName}</p>
                  </>
                ) : (
                  a.authorName
                ),
              },
              { id: "proposed", term: t("proposed"), details: date(a.createdAt) },
              ...(a.decidedAt
                ? [{ id: "decided", term: t("decided"), details: a.decidedBy ? t("decidedBy", { date: date(a.decidedAt), name: a.decidedBy }) : date(a.decidedAt) }]
                : []),
              ...(a.state === "accepted" && a.acceptedVersion
                ? [
                    {
                      id: "version",
                      term: tsec("title"),
                      details: tsec.rich("acceptedInto", { version: a.acceptedVersion, link: (chunks) => <Link href={`${normHref}/v/${a.acceptedVersion}`}>{chunks}</Link> }),
                    },
                  ]
                : []),
              ...(a.reason ? [{ id: "reason", term: a.state === "declined" ? td("declineTitle") : td("note"), details: <p className="whitespace-pre-line">{a.reason}</p> }] : []),
            ]}
          />

          <section aria-labelledby="supporters-heading" className="mb-10">
            <h2 id="supporters-heading" className="mb-3 text-xl font-bold sm:text-2xl">
              {t("supporters")}
            </h2>
            {data.supporters.length ? (
              <>
                <table className="mb-4 w-full max-w-md text-base">
                  <caption className="mb-2 text-start font-bold">{tsec("supportTable")}</caption>
                  <thead>
                    <tr className="border-b border-border">
                      <th scope="col" className="py-2 text-start">
                        {tsec("type")}
                      </th>
                      <th scope="col" className="py-2 text-end">
                        {tsec("count")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {supportTypes.map((row) => (
                      <tr key={row.key} className="border-b border-border">
                        <th scope="row" className="py-2 text-start font-normal">
                          {row.label}
                        </th>
                        <td className="py-2 text-end tabular-nums">{a.support.byType[row.key]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <ul className="list-disc ps-6">
                  {data.supporters.map((s, i) => (
                    <li key={i}>{s.organization ? t("supporterFor", { name: s.name, organization: s.organization.name }) : s.name}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t("supportersNone")}</p>
            )}
          </section>

          <DiscussionSection slug={norm.slug} clauseCount={0} query={query} amendment={{ id: a.id, number: a.number }} />
        </div>

        <aside className="flex min-w-0 flex-col gap-8" aria-label={t("actions")}>
          {hasActions ? (
            <section aria-labelledby="actions-heading" className="border-t-4 border-primary pt-4">
              <h2 id="actions-heading" className="mb-4 text-xl font-bold sm:text-2xl">
                {t("actions")}
              </h2>
              {viewer.canSupport ? (
                <section aria-labelledby="support-heading" className="mb-6">
                  <h3 id="support-heading" className="mb-2 text-lg font-bold">
                    {tsup("title")}
                  </h3>
                  <p className="mb-3 text-base">{tsup("lead")}</p>
                  {viewer.isProposer && !a.organization ? (
                    <p className="mb-3 text-base text-muted">{tsup("ownAmendment")}</p>
                  ) : (
                    <SupportChoice
                      id="support-self"
                      amendmentId={a.id}
                      label={tsup("yourself")}
                      supporting={viewer.supports}
                      words={{ add: tsup("add"), remove: tsup("remove"), supporting: tsup("supporting") }}
                    />
                  )}
                  {organizations
                    .filter((o) => o.id !== a.organization?.id)
                    .map((o) => (
                      <SupportChoice
                        key={o.id}
                        id={`support-${o.id}`}
                        amendmentId={a.id}
                        organizationId={o.id}
                        label={o.name}
                        supporting={viewer.supportingOrganizations.includes(o.id)}
                        words={{ add: tsup("add"), remove: tsup("remove"), supporting: tsup("supporting") }}
                      />
                    ))}
                </section>
              ) : null}
              {viewer.canWithdraw ? (
                <section aria-labelledby="withdraw-heading" className="mb-6">
                  <h3 id="withdraw-heading" className="mb-2 text-lg font-bold">
                    {tw("title")}
                  </h3>
                  <p className="mb-3 text-base">{tw("lead")}</p>
                  <AmendmentActionForm action="withdraw" id="withdraw" hidden={{ amendmentId: a.id }} submit={tw("submit", { number: a.number })} variant="destructive-secondary" />
                </section>
              ) : null}
              {viewer.canDecline ? (
                <section aria-labelledby="decide-heading">
                  <h3 id="decide-heading" className="mb-2 text-lg font-bold">
                    {td("title")}
                  </h3>
                  {viewer.canAccept ? (
                    <>
                      <h4 className="mb-1 font-bold">{td("acceptTitle")}</h4>
                      <p className="mb-3 text-base">{td("acceptLead")}</p>
                      <AmendmentActionForm
                        action="accept"
                        id="accept"
                        hidden={{ amendmentId: a.id }}
                        field={{ name: "note", label: td("note"), hint: td("noteHint"), maxLength: 500 }}
                        submit={td("accept")}
                      />
                    </>
                  ) : !a.conflict ? (
                    <p className="mb-3 text-base text-muted">{td("acceptClosed")}</p>
                  ) : null}
                  <h4 className="mb-1 font-bold">{td("declineTitle")}</h4>
                  <AmendmentActionForm
                    action="decline"
                    id="decline"
                    hidden={{ amendmentId: a.id }}
                    field={{ name: "reason", label: td("reason"), hint: td("reasonHint"), maxLength: 2000 }}
                    submit={td("decline", { number: a.number })}
                    variant="destructive-secondary"
                  />
                </section>
              ) : null}
            </section>
          ) : !actor && data.open ? (
            <p>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`${normHref}/amendments/${a.number}`)}`} className="font-bold">
                {t("signIn")}
              </Link>
            </p>
          ) : actor?.suspension ? (
            <p>{t("suspended")}</p>
          ) : null}
        </aside>
      </div>
    </>
  );
}

/** Support in one name (one's own, or an organisation's): on, with a way to withdraw it, or off. */
function SupportChoice({
  id,
  amendmentId,
  organizationId,
  label,
  supporting,
  words,
}: {
  id: string;
  amendmentId: string;
  organizationId?: string;
  label: string;
  supporting: boolean;
  words: { add: string; remove: string; supporting: string };
}) {
  return (
    <div className="mb-3 border-b border-border pb-3">
      <p className="mb-2 font-bold">{label}</p>
      {supporting ? <p className="mb-2 text-base">{words.supporting}</p> : null}
      <AmendmentActionForm
        action="support"
        id={id}
        hidden={{ amendmentId, ...(organizationId ? { organizationId } : {}), support: supporting ? "false" : "true" }}
        submit={supporting ? words.remove : words.add}
        variant={supporting ? "destructive-secondary" : "primary"}
      />
    </div>
  );
}
