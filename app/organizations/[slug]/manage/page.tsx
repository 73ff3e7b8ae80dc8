import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { countryOptions } from "~/server/schemas/countries";
import { OrganizationForm } from "../../_components/organization-form";
import { getOrganization } from "../get-organization";
import { AddDomainForm, RemoveDomainButton } from "./_components/domain-forms";
import { JoinRequests } from "./_components/join-requests";
import { MembersTable } from "./_components/members-table";

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
  const [requests, domains, actor, t, td, format] = await Promise.all([
    load(() => api.organizations.joinRequests({ organizationId })),
    load(() => api.organizations.domains({ organizationId })),
    getActor(),
    getTranslations("organizations.manage"),
    getTranslations("organizations.domains"),
    getFormatter(),
  ]);

  return (
    <>
      <p className="mb-6">
        <Link href={`/organizations/${organization.slug}`}>
          <span aria-hidden="true">← </span>
          {t("back")}
        </Link>
      </p>
      <PageHeader caption={organization.name} title={t("title")} />

      <section aria-labelledby="requests-heading" className="mb-12">
        <h2 id="requests-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("requestsTitle")}
        </h2>
        <JoinRequests organizationId={organizationId} requests={requests} />
      </section>

      <section aria-labelledby="members-heading" className="mb-12">
        <h2 id="members-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("membersTitle")}
        </h2>
        <MembersTable
          organizationId={organizationId}
          organizationName={organization.name}
          slug={organization.slug}
          members={members}
          actorId={actor?.id ?? ""}
        />
      </section>

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

      <section aria-labelledby="edit-heading">
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
