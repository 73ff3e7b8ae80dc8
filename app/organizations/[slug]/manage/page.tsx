import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageContents } from "~/app/_components/page-contents";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { countryOptions } from "~/server/schemas/countries";
import { OrganizationForm } from "../../_components/organization-form";
import { CountersignatureSection } from "../clearance/_components/countersignature-section";
import { getOrganization } from "../get-organization";
import { AddDomainForm, RemoveDomainButton } from "./_components/domain-forms";
import { JoinRequests } from "./_components/join-requests";
import { MembersTable } from "./_components/members-table";
import { ReconfirmForm, WithdrawNominationButton } from "./_components/representation-forms";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { clock } from "~/server/clock";
import { needsApproval, REMINDER_DAYS } from "~/server/domain/nominations";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [organization, t] = await Promise.all([
    getOrganization((await params).slug),
    getTranslations("organizations.manage"),
  ]);
  return { title: `${t("title")}: ${organization.name}` };
}

export default async function ManageOrganizationPage({ params }: { params: Params }) {
  const { slug } = await params;
  const organization = await getOrganization(slug);
  const organizationId = organization.id;
  // `members` is for representatives only: it turns everyone else away with a 401 or 403 page.
  const members = await load(() => api.organizations.members({ organizationId }));
  const yearly = needsApproval(organization.stakeholderType);
  const [requests, domains, nominations, actor, t, td, tn, tr, format] = await Promise.all([
    load(() => api.organizations.joinRequests({ organizationId })),
    load(() => api.organizations.domains({ organizationId })),
    load(() => api.organizations.nominations({ organizationId })),
    getActor(),
    getTranslations("organizations.manage"),
    getTranslations("organizations.domains"),
    getTranslations("organizations.nominations"),
    getTranslations("organizations.reconfirm"),
    getFormatter(),
  ]);
  // The reader's own representation, if it has a date to be reconfirmed by.
  const mine = members.find((m) => m.userId === actor?.id);
  const dueBy = mine?.role === "representative" ? mine.reconfirmBy : null;
  const soon = dueBy !== null && dueBy !== undefined && dueBy.getTime() - clock.nowMs() <= REMINDER_DAYS[0] * 24 * 60 * 60 * 1000;

  return (
    <>
      <p className="mb-6">
        <Link href={`/organizations/${organization.slug}`}>
          <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">←</span>
          {t("back")}
        </Link>
      </p>
      <PageHeader caption={organization.name} title={t("title")} />
      <PageContents
        id="manage-contents"
        title={t("contents")}
        items={[
          ...(dueBy ? [{ href: "#reconfirm", label: tr("title") }] : []),
          { href: "#requests", label: t("requestsTitle") },
          { href: "#members", label: t("membersTitle") },
          ...(yearly || nominations.length > 0 ? [{ href: "#nominations", label: tn("title") }] : []),
          { href: "#domains", label: td("title") },
          { href: "#countersignature", label: t("countersignatureTitle") },
          { href: "#edit", label: t("editTitle") },
        ]}
      />

      {dueBy ? (
        <section id="reconfirm" aria-labelledby="reconfirm-heading" className="mb-12 max-w-[42rem] scroll-mt-6">
          <h2 id="reconfirm-heading" className="mb-4 text-xl font-bold sm:text-2xl">
            {tr("title")}
          </h2>
          <Alert variant={soon ? "warning" : "info"} className="mb-4">
            <AlertDescription>{tr(yearly ? "leadYearly" : "leadMigration", { date: format.dateTime(dueBy, { dateStyle: "long" }) })}</AlertDescription>
          </Alert>
          <p className="mb-4">{tr("how")}</p>
          <ReconfirmForm organizationId={organizationId} slug={organization.slug} />
        </section>
      ) : null}

      <section id="requests" aria-labelledby="requests-heading" className="mb-12 scroll-mt-6">
        <h2 id="requests-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("requestsTitle")}
        </h2>
        <JoinRequests organizationId={organizationId} requests={requests} />
      </section>

      <section id="members" aria-labelledby="members-heading" className="mb-12 scroll-mt-6">
        <h2 id="members-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("membersTitle")}
        </h2>
        <MembersTable
          organizationId={organizationId}
          organizationName={organization.name}
          slug={organization.slug}
          members={members}
          actorId={actor?.id ?? ""}
          yearly={yearly}
        />
      </section>

      {yearly || nominations.length > 0 ? (
        <section id="nominations" aria-labelledby="nominations-heading" className="mb-12 max-w-[42rem] scroll-mt-6">
          <h2 id="nominations-heading" className="mb-4 text-xl font-bold sm:text-2xl">
            {tn("title")}
          </h2>
          <p className="mb-6">{tn("lead")}</p>
          {nominations.length === 0 ? (
            <p className="text-muted">{tn("empty")}</p>
          ) : (
            <ul className="border-t border-border" data-testid="nominations">
              {nominations.map((n) => (
                <li key={n.id} className="flex flex-col gap-2 border-b border-border py-4 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <span className="block font-bold">{n.name}</span>
                    <span className="block break-all text-muted">{n.address}</span>
                    <span className="block text-base text-muted">
                      {tn("nominatedBy", { name: n.nominatedBy, date: format.dateTime(n.createdAt, { dateStyle: "medium" }) })}
                    </span>
                    {n.status === "declined" ? (
                      <span className="block text-base" data-testid="nomination-declined">
                        {tn("declined", { date: format.dateTime(n.decidedAt!, { dateStyle: "medium" }), reason: n.decisionReason ?? "" })}
                      </span>
                    ) : (
                      <span className="block text-base">{tn("waiting")}</span>
                    )}
                  </div>
                  {n.status === "pending" ? (
                    <WithdrawNominationButton organizationId={organizationId} slug={organization.slug} nominationId={n.id} name={n.name} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section id="domains" aria-labelledby="domains-heading" className="mb-12 max-w-[42rem] scroll-mt-6">
        <h2 id="domains-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {td("title")}
        </h2>
        <p className="mb-6">{td("lead")}</p>
        {domains.length === 0 ? (
          <p className="mb-8 text-muted">{td("empty")}</p>
        ) : (
          <ul className="mb-8 border-t border-border" aria-label={td("listLabel", { name: organization.name })} data-testid="domains">
            {domains.map((d) => (
              <li key={d.id} className="flex flex-col gap-2 border-b border-border py-4 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <span className="block font-bold break-all">{d.domain}</span>
                  <span className="block text-base text-muted">
                    {d.confirmedAt
                      ? td("confirmedOn", { date: format.dateTime(d.confirmedAt, { dateStyle: "medium" }) })
                      : td("awaiting")}
                  </span>
                </div>
                <RemoveDomainButton organizationId={organizationId} slug={organization.slug} domainId={d.id} domain={d.domain} />
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-4 text-lg font-bold sm:text-xl">{td("addTitle")}</h3>
        <AddDomainForm organizationId={organizationId} slug={organization.slug} />
      </section>

      <CountersignatureSection organizationId={organizationId} slug={organization.slug} />

      <section id="edit" aria-labelledby="edit-heading" className="scroll-mt-6">
        <h2 id="edit-heading" className="mb-6 text-xl font-bold sm:text-2xl">
          {t("editTitle")}
        </h2>
        <OrganizationForm
          mode="update"
          organizationId={organizationId}
          slug={organization.slug}
          verified={organization.verificationStatus === "verified"}
          countries={countryOptions()}
          values={{
            name: organization.name,
            stakeholderType: organization.stakeholderType,
            region: organization.region,
            country: organization.country,
            website: organization.website,
            description: organization.description,
          }}
        />
      </section>
    </>
  );
}
