import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { countryName } from "~/server/schemas/countries";
import { identityFields } from "~/db/schema/organizations";
import type { Region, StakeholderType } from "~/server/schemas/vocabulary";
import { OrganizationReasonDialog } from "../_components/organization-reason-dialog";
import { SecretariatNav } from "../_components/secretariat-nav";
import { StatusBadge } from "../_components/status-badge";
import { ConfirmDomains } from "../_components/confirm-domains";
import { SecretariatDecision } from "../_components/secretariat-decision";
import { VerifyButton } from "../_components/verify-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secretariat.verification");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function VerificationQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // After the secretariat answered an observer's request (./actions.ts): what was decided, for which organisation.
  const decidedSlug = typeof params.organization === "string" && /^[a-z0-9-]{1,80}$/.test(params.organization) ? params.organization : null;
  const outcome = params.participation === "participant" || params.participation === "observer" ? params.participation : null;
  const nominationOutcome = params.nomination === "approve" || params.nomination === "decline" ? params.nomination : null;
  const [queue, domainsAwaiting, participationRequests, nominations, decided] = await Promise.all([
    load(() => api.verification.queue()),
    load(() => api.verification.domainsAwaiting()),
    load(() => api.verification.participationRequests()),
    load(() => api.verification.nominations()),
    decidedSlug && outcome ? api.organizations.get({ slug: decidedSlug }).catch(() => null) : null,
  ]);
  const [t, tc, tv, format] = await Promise.all([
    getTranslations("secretariat.verification"),
    getTranslations("secretariat"),
    getTranslations("vocabulary"),
    getFormatter(),
  ]);
  /** A changed field's value as the queue shows it elsewhere: vocabulary and country names, not codes. */
  const shown = (field: string, value: string | null) =>
    value === null || value === ""
      ? t("none")
      : field === "stakeholderType"
        ? tv(`stakeholderType.${value as StakeholderType}`)
        : field === "region"
          ? tv(`region.${value as Region}`)
          : field === "country"
            ? countryName(value)
            : value;
  return (
    <>
      <SecretariatNav current="verification" />
      <PageHeader caption={tc("caption")} title={t("title")} description={t("lead")} />
      {queue.length === 0 ? (
        <p className="text-lg">{t("empty")}</p>
      ) : (
        <>
          <p className="mb-6 text-muted">{t("count", { count: queue.length })}</p>
          <ol className="space-y-10">
            {queue.map((o) => (
              <li key={o.id}>
                <article aria-labelledby={`org-${o.id}`} className="border-t-4 border-border pt-4">
                  <h2 id={`org-${o.id}`} className="mb-4 text-2xl font-bold break-words">
                    <Link href={`/organizations/${o.slug}`}>{o.name}</Link>
                  </h2>
                  <DescriptionList
                    className="mb-6 sm:mb-6"
                    items={[
                      { id: "type", term: t("type"), details: tv(`stakeholderType.${o.stakeholderType}`) },
                      { id: "region", term: t("region"), details: tv(`region.${o.region}`) },
                      { id: "country", term: t("country"), details: o.country ? countryName(o.country) : t("none") },
                      {
                        id: "website",
                        term: t("website"),
                        details: o.website ? (
                          <a href={o.website} rel="noopener noreferrer nofollow" className="break-all">
                            {o.website}
                          </a>
                        ) : (
                          t("none")
                        ),
                      },
                      {
                        id: "description",
                        term: t("description"),
                        details: o.description ? <p className="whitespace-pre-line">{o.description}</p> : t("none"),
                      },
                      {
                        id: "domains",
                        term: t("domains"),
                        details: o.domains.length ? (
                          <ul data-testid="queue-domains">
                            {o.domains.map((d) => (
                              <li key={d.id} className="break-all">
                                {d.domain} <span className="text-muted">({d.confirmedAt ? t("domainConfirmed") : t("domainAwaiting")})</span>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          t("noDomains")
                        ),
                      },
                      {
                        id: "representatives",
                        term: t("representatives"),
                        details: (
                          <ul>
                            {o.representatives.map((r) => (
                              <li key={r.userId} className="break-words">
                                {r.name}{" "}
                                <span className="text-muted">
                                  (
                                  {r.address
                                    ? t("repByAddress", { address: r.address })
                                    : r.exceptionReason
                                      ? t("repByException")
                                      : r.confirmedAddresses.length
                                        ? t("repProvisional", { addresses: r.confirmedAddresses.join(", ") })
                                        : t("repProvisionalNone")}
                                  )
                                </span>
                              </li>
                            ))}
                          </ul>
                        ),
                      },
                      {
                        id: "registered",
                        term: t("registered"),
                        details: t("registeredBy", {
                          name: o.createdByName,
                          email: o.createdByEmail,
                          date: format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                        }),
                      },
                    ]}
                  />
                  {o.reviewChanges ? (
                    <section aria-labelledby={`changes-${o.id}`} className="mb-6 border-s-8 border-info bg-info-tint px-4 py-4 sm:px-5">
                      <h3 id={`changes-${o.id}`} className="mb-2 text-lg font-bold sm:text-xl">
                        {t("changesTitle")}
                      </h3>
                      <p className="mb-3">{t("changesLead")}</p>
                      <ul className="space-y-2">
                        {identityFields.flatMap((field) => {
                          const change = o.reviewChanges?.[field];
                          return change ? [{ field, change }] : [];
                        }).map(({ field, change }) => (
                          <li key={field} className="break-words">
                            {t("change", { field: t(`changedField.${field}`), from: shown(field, change.from), to: shown(field, change.to) })}
                          </li>
                        ))}
                      </ul>
                    </section>
                  ) : null}
                  {o.duplicates.length > 0 ? (
                    <section
                      aria-labelledby={`dup-${o.id}`}
                      className="mb-6 border-s-8 border-warning bg-warning-tint px-4 py-4 sm:px-5"
                    >
                      <h3 id={`dup-${o.id}`} className="mb-2 text-lg font-bold sm:text-xl">
                        {t("duplicatesTitle")}
                      </h3>
                      <p className="mb-3">{t("duplicatesLead", { count: o.duplicates.length })}</p>
                      <ul className="space-y-3">
                        {o.duplicates.map((d) => (
                          <li key={d.id} className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:items-baseline sm:gap-x-3">
                            <Link href={`/organizations/${d.slug}`} className="font-semibold break-words">
                              {d.name}
                            </Link>
                            <StatusBadge status={d.verificationStatus} />
                            <span className="text-muted">
                              {t("duplicateWhy", { reasons: d.reasons.map((r) => t(`reason.${r}`)).join("; ") })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ) : null}
                  <div className="flex flex-wrap items-start gap-4">
                    <VerifyButton
                      mode="queue"
                      organization={{
                        id: o.id,
                        name: o.name,
                        type: tv(`stakeholderType.${o.stakeholderType}`),
                        region: tv(`region.${o.region}`),
                        country: o.country ? countryName(o.country) : t("none"),
                        duplicates: o.duplicates.map((d) => ({ id: d.id, name: d.name, why: d.reasons.map((r) => t(`reason.${r}`)).join("; ") })),
                        domains: o.domains.filter((d) => !d.confirmedAt).map((d) => ({ id: d.id, domain: d.domain })),
                        confirmedDomains: o.domains.filter((d) => d.confirmedAt).map((d) => d.domain),
                        provisional: o.representatives
                          .filter((r) => !r.address && !r.exceptionReason)
                          .map((r) => ({ userId: r.userId, name: r.name, addresses: r.confirmedAddresses })),
                      }}
                    />
                    <OrganizationReasonDialog organizationId={o.id} name={o.name} mode="reject" />
                  </div>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
      {domainsAwaiting.length > 0 ? (
        <section aria-labelledby="domains-awaiting" className="mt-12">
          <h2 id="domains-awaiting" className="mb-2 text-2xl font-bold">
            {t("domainsAwaitingTitle")}
          </h2>
          <p className="mb-6">{t("domainsAwaitingLead")}</p>
          <ul className="space-y-8">
            {domainsAwaiting.map((o) => (
              <li key={o.id} className="border-t-4 border-border pt-4">
                <h3 className="mb-3 text-xl font-bold break-words">
                  <Link href={`/organizations/${o.slug}`}>{o.name}</Link>
                </h3>
                <ConfirmDomains organization={{ id: o.id, name: o.name, domains: o.domains.map((d) => ({ id: d.id, domain: d.domain })) }} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {nominations.length > 0 || nominationOutcome ? (
        <section aria-labelledby="nominations" className="mt-12" data-testid="nominations">
          <h2 id="nominations" className="mb-2 text-2xl font-bold">
            {t("nominationsTitle")}
          </h2>
          {nominationOutcome ? (
            <Alert variant="success" role="status" className="mb-6 max-w-[42rem]" data-testid="nomination-decided">
              <AlertDescription>{t(nominationOutcome === "approve" ? "nominationApprovedGeneric" : "nominationDeclinedGeneric")}</AlertDescription>
            </Alert>
          ) : null}
          <p className="mb-6 max-w-[42rem]">{nominations.length > 0 ? t("nominationsLead") : t("nominationsNone")}</p>
          <ul className="space-y-8">
            {nominations.map((n) => (
              <li key={n.id} className="border-t-4 border-border pt-4">
                <h3 className="mb-2 text-xl font-bold break-words">
                  {t("nominationHeading", { name: n.name, organization: n.organization })}
                </h3>
                <DescriptionList
                  className="mb-4"
                  items={[
                    { id: "organization", term: t("nominationOrganization"), details: <Link href={`/organizations/${n.slug}`}>{n.organization}</Link> },
                    { id: "type", term: t("nominationType"), details: tv(`stakeholderType.${n.type}`) },
                    { id: "address", term: t("nominationAddress"), details: <span className="break-all">{n.address}</span> },
                    { id: "by", term: t("nominationBy"), details: t("nominationByText", { name: n.nominatedBy, date: format.dateTime(n.createdAt, { dateStyle: "long" }) }) },
                  ]}
                />
                <SecretariatDecision
                  request={{ kind: "nomination", nominationId: n.id }}
                  labels={{
                    reason: t("nominationReason"),
                    reasonHint: t("nominationReasonHint"),
                    approve: t("nominationApprove", { name: n.name }),
                    decline: t("nominationDecline"),
                    approved: t("nominationApproved", { name: n.name, organization: n.organization }),
                    declined: t("nominationDeclined", { name: n.name }),
                  }}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {participationRequests.length > 0 || decided ? (
        <section aria-labelledby="participation-requests" className="mt-12" data-testid="participation-requests">
          <h2 id="participation-requests" className="mb-2 text-2xl font-bold">
            {t("participationTitle")}
          </h2>
          {decided && decided.participation === outcome ? (
            <Alert variant="success" role="status" className="mb-6 max-w-[42rem]" data-testid="participation-decided">
              <AlertDescription>
                {outcome === "participant" ? t("participationApproved", { name: decided.name }) : t("participationDeclined", { name: decided.name })}
              </AlertDescription>
            </Alert>
          ) : null}
          <p className="mb-6">{participationRequests.length > 0 ? t("participationLead") : t("participationNone")}</p>
          <ul className="space-y-8">
            {participationRequests.map((o) => (
              <li key={o.id} className="border-t-4 border-border pt-4">
                <h3 className="mb-2 text-xl font-bold break-words">
                  <Link href={`/organizations/${o.slug}`}>{o.name}</Link>
                </h3>
                <p className="mb-4 text-muted">
                  {t("participationAsked", {
                    type: tv(`stakeholderType.${o.stakeholderType}`),
                    region: tv(`region.${o.region}`),
                    name: o.requestedBy,
                    date: format.dateTime(o.requestedAt!, { dateStyle: "long" }),
                  })}
                </p>
                <SecretariatDecision
                  request={{ kind: "participation", organizationId: o.id, slug: o.slug }}
                  labels={{
                    reason: t("participationReason"),
                    reasonHint: t("participationReasonHint"),
                    approve: t("participationApprove", { name: o.name }),
                    decline: t("participationDecline"),
                    approved: t("participationApproved", { name: o.name }),
                    declined: t("participationDeclined", { name: o.name }),
                  }}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
