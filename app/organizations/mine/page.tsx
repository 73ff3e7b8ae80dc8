import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { isStaff } from "~/server/policy";
import { StatusBadge } from "../_components/status-badge";
import { WithdrawRequestButton } from "./_components/withdraw-request-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations.mine");
  return { title: t("title") };
}

export default async function MyOrganizationsPage() {
  const [{ memberships, pendingRequests }, actor] = await Promise.all([load(() => api.organizations.mine()), getActor()]);
  const [t, td, tv, format] = await Promise.all([
    getTranslations("organizations.mine"),
    getTranslations("organizations.directory"),
    getTranslations("vocabulary"),
    getFormatter(),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")}>
        {/* Staff accounts register no organisation: the secretariat is neutral. */}
        {isStaff(actor) ? null : (
          <Link href="/organizations/new" className={buttonVariants({ variant: "secondary" })}>
            {td("register")}
          </Link>
        )}
      </PageHeader>

      <section aria-labelledby="memberships-heading" className="mb-12">
        <h2 id="memberships-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("membershipsTitle")}
        </h2>
        {memberships.length === 0 ? (
          <>
            <p className="mb-4">{t("none")}</p>
            <p>
              <Link href="/organizations">{t("browse")}</Link>
            </p>
          </>
        ) : (
          <ul className="border-t border-border" aria-label={t("membershipsCaption")}>
            {memberships.map((m) => (
              <li key={m.id} className="flex flex-col items-start gap-3 border-b border-border py-5 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
                <div className="min-w-0">
                  <p className="text-lg font-bold sm:text-xl">
                    <Link href={`/organizations/${m.slug}`}>{m.name}</Link>
                  </p>
                  <p className="text-muted">
                    {tv(`memberRole.${m.role}`)} · {tv(`stakeholderType.${m.stakeholderType}`)}
                  </p>
                  <p className="mt-2">
                    <StatusBadge status={m.verificationStatus} />
                  </p>
                  {(m.verificationStatus === "rejected" || m.verificationStatus === "revoked") && m.statusReason ? (
                    <p className="mt-2 max-w-2xl">{t("reason", { reason: m.statusReason })}</p>
                  ) : null}
                </div>
                {m.role === "representative" ? (
                  <Link
                    href={`/organizations/${m.slug}/manage`}
                    className={buttonVariants({ variant: "secondary", size: "sm" })}
                    aria-label={t("manageLabel", { name: m.name })}
                  >
                    {t("manage")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("requestsTitle")}
        </h2>
        {pendingRequests.length === 0 ? (
          <p>{t("requestsNone")}</p>
        ) : (
          <ul className="border-t border-border">
            {pendingRequests.map((r) => (
              <li key={r.id} className="flex flex-col items-start gap-3 border-b border-border py-5 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
                <div className="min-w-0">
                  <p className="font-bold">
                    <Link href={`/organizations/${r.organizationSlug}`}>{r.organizationName}</Link>
                  </p>
                  <p className="text-muted">{t("askedOn", { date: format.dateTime(r.createdAt, { dateStyle: "long" }) })}</p>
                </div>
                <WithdrawRequestButton requestId={r.id} organizationName={r.organizationName} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
