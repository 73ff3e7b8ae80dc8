import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { Badge } from "~/app/_components/ui/badge";
import { buttonVariants } from "~/app/_components/ui/button";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { FollowButton } from "~/app/_components/follow-button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { isStaff } from "~/server/policy";
import { countryName } from "~/server/schemas/countries";
import { StatusBadge } from "../_components/status-badge";
import { MembershipPanel } from "./_components/islands";
import { VisitorMembershipPanel } from "./_components/membership-visitor";
import { OrganizationPositions } from "./_components/organization-positions";
import { OrganizationSponsorships } from "./_components/organization-sponsorships";
import { OrganizationStocktakeRecord } from "./_components/organization-stocktake-record";
import { OrganizationRecordAcrossYears } from "./_components/organization-record";
import { ParticipationRequestForm } from "./_components/participation-form";
import { getOrganization } from "./get-organization";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const organization = await getOrganization((await params).slug);
  return { title: organization.name };
}

export default async function OrganizationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const [organization, positions, sponsorships, actor, t, tv, format] = await Promise.all([
    getOrganization(slug),
    // After the lookup, which turns a slug that cannot exist into "not found" rather than bad input.
    getOrganization(slug).then(() => load(() => api.positions.forOrganization({ slug }))),
    getOrganization(slug).then(() => load(() => api.sponsors.forOrganization({ slug }))),
    getActor(),
    getTranslations("organizations.page"),
    getTranslations("vocabulary"),
    getFormatter(),
  ]);
  const status = organization.verificationStatus;
  // A verified organisation's representatives are listed apart, each of them (issue 17).
  const listedMembers = status === "verified" ? organization.listedMembers.filter((m) => m.role !== "representative") : organization.listedMembers;
  const membership = organization.myMembership;

  return (
    <>
      <PageHeader
        caption={t("caption")}
        title={organization.name}
        description={
          <ul className="flex flex-wrap gap-2" aria-label={t("details")}>
            <li>
              <StatusBadge status={status} />
            </li>
            <li>
              <Badge>{tv(`stakeholderType.${organization.stakeholderType}`)}</Badge>
            </li>
            <li>
              <Badge>{tv(`region.${organization.region}`)}</Badge>
            </li>
            {organization.participation === "observer" ? (
              <li>
                <Badge variant="info">{t("observerBadge")}</Badge>
              </li>
            ) : null}
          </ul>
        }
      >
        {membership?.role === "representative" ? (
          <Link href={`/organizations/${organization.slug}/manage`} className={buttonVariants({ variant: "secondary" })}>
            {t("manage")}
          </Link>
        ) : null}
      </PageHeader>
      <FollowButton actor={actor} type="organization" targetKey={organization.slug} back={`/organizations/${organization.slug}`} className="-mt-2 mb-8 sm:-mt-4" />


      {status === "pending" ? (
        <Alert variant="info" className="mb-8 max-w-3xl">
          <AlertTitle>{t(organization.backInReview ? "reviewTitle" : "pendingTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t(organization.backInReview ? "reviewText" : "pendingText")}</p>
          </AlertDescription>
        </Alert>
      ) : status === "revoked" ? (
        <Alert variant="warning" className="mb-8 max-w-3xl">
          <AlertTitle>{t("revokedTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("revokedText")}</p>
            {organization.statusReason ? <p>{t("reason", { reason: organization.statusReason })}</p> : null}
          </AlertDescription>
        </Alert>
      ) : status === "rejected" ? (
        <Alert variant="destructive" className="mb-8 max-w-3xl">
          <AlertTitle>{t("rejectedTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("rejectedText")}</p>
            {organization.statusReason ? <p>{t("reason", { reason: organization.statusReason })}</p> : null}
          </AlertDescription>
        </Alert>
      ) : null}

      {organization.participation === "observer" ? (
        <Alert variant="info" className="mb-8 max-w-3xl" data-testid="observer-note">
          <AlertTitle>{t("observerTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("observerText", { name: organization.name })}</p>
            {membership?.role === "representative" ? (
              organization.participationRequestedAt ? (
                <p data-testid="participation-requested">
                  {t("participationRequested", { date: format.dateTime(organization.participationRequestedAt, { dateStyle: "long" }) })}
                </p>
              ) : (
                <>
                  <p>{t("participationAsk")}</p>
                  <ParticipationRequestForm organizationId={organization.id} slug={organization.slug} labels={{ submit: t("participationSubmit") }} />
                </>
              )
            ) : null}
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-x-12 gap-y-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0">
          <h2 className="sr-only">{t("details")}</h2>
          <DescriptionList
            items={[
              { id: "type", term: t("type"), details: tv(`stakeholderType.${organization.stakeholderType}`) },
              { id: "region", term: t("region"), details: tv(`region.${organization.region}`) },
              {
                id: "country",
                term: t("country"),
                details: organization.country ? countryName(organization.country) : t("noCountry"),
              },
              {
                id: "website",
                term: t("website"),
                details: organization.website ? (
                  <a href={organization.website} rel="nofollow noopener" className="break-all">
                    {organization.website}
                  </a>
                ) : (
                  t("noWebsite")
                ),
              },
              {
                id: "registered",
                term: t("registered"),
                details: format.dateTime(organization.createdAt, { dateStyle: "long" }),
              },
              {
                id: "domains",
                term: t("domains"),
                details: organization.confirmedDomains.length ? (
                  <span className="break-all" data-testid="confirmed-domains">
                    {organization.confirmedDomains.join(", ")}
                  </span>
                ) : (
                  t("noDomains")
                ),
              },
            ]}
          />

          {organization.description ? (
            <section aria-labelledby="about-heading" className="mb-10">
              <h2 id="about-heading" className="mb-3 text-xl font-bold sm:text-2xl">
                {t("about")}
              </h2>
              <p className="max-w-2xl whitespace-pre-line">{organization.description}</p>
            </section>
          ) : null}

          <OrganizationPositions data={positions} />
          <OrganizationSponsorships sponsorships={sponsorships} />
          <OrganizationStocktakeRecord slug={organization.slug} name={organization.name} />
          <OrganizationRecordAcrossYears slug={organization.slug} name={organization.name} searchParams={await searchParams} />

          {status === "verified" ? (
            <section aria-labelledby="representatives-heading" className="mb-10">
              <h2 id="representatives-heading" className="mb-2 text-xl font-bold sm:text-2xl">
                {t("representativesTitle")}
              </h2>
              <p className="mb-4 text-muted">{t("representativesLead")}</p>
              <ul className="border-t border-border" data-testid="representatives">
                {organization.representatives.map((r) => (
                  <li key={r.userId} className="flex flex-wrap items-baseline justify-between gap-x-4 border-b border-border py-3">
                    <span className="font-semibold">{r.displayName}</span>
                    <span className="text-muted">
                      {t(r.approved ? "representativeSinceApproved" : "representativeSince", { date: format.dateTime(r.since, { dateStyle: "medium" }) })}
                    </span>
                  </li>
                ))}
              </ul>
              {organization.formerRepresentatives.length > 0 ? (
                <>
                  <h3 id="former-representatives" className="mt-6 mb-2 text-lg font-bold">
                    {t("formerTitle")}
                  </h3>
                  <ul className="border-t border-border" aria-labelledby="former-representatives" data-testid="former-representatives">
                    {organization.formerRepresentatives.map((r) => (
                      <li key={`${r.userId}-${r.startedAt.toISOString()}`} className="flex flex-wrap items-baseline justify-between gap-x-4 border-b border-border py-3">
                        <span className="font-semibold">{r.name}</span>
                        <span className="text-muted">
                          {t(`formerTerm.${r.ending ?? "stepped_down"}`, {
                            from: format.dateTime(r.startedAt, { dateStyle: "medium" }),
                            to: format.dateTime(r.endedAt!, { dateStyle: "medium" }),
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="members-heading">
            <h2 id="members-heading" className="mb-2 text-xl font-bold sm:text-2xl">
              {t("membersTitle")}
            </h2>
            {listedMembers.length ? (
              <>
                <p className="mb-4 text-muted">{t("membersLead")}</p>
                <ul className="border-t border-border">
                  {listedMembers.map((m) => (
                    <li key={m.userId} className="flex flex-wrap items-baseline justify-between gap-x-4 border-b border-border py-3">
                      <span className="font-semibold">{m.displayName}</span>
                      <span className="text-muted">{tv(`memberRole.${m.role}`)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t("noMembers")}</p>
            )}
          </section>
        </div>

        {/* A visitor's panel is server markup; a signed-in person's is loaded with its forms. */}
        {!actor || (isStaff(actor) && !membership) ? (
          status !== "rejected" ? (
            <VisitorMembershipPanel slug={organization.slug} staff={isStaff(actor)} />
          ) : null
        ) : (
          <MembershipPanel
            organizationId={organization.id}
            organizationName={organization.name}
            slug={organization.slug}
            canJoin={status !== "rejected"}
            viewer={{ kind: "signedIn", suspended: Boolean(actor.suspension) }}
            membership={membership}
            pendingRequest={organization.myPendingRequest}
          />
        )}
      </div>
    </>
  );
}
