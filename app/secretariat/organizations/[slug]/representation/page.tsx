import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { SecretariatNav } from "../../../_components/secretariat-nav";
import { ExceptionForm } from "./_components/exception-form";

type Params = Promise<{ slug: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secretariat.representation");
  return { title: t("title") };
}

/** What each member's representation rests on, and an exception with its reason for any of them. */
export default async function RepresentationPage({ params }: { params: Params }) {
  const { slug } = await params;
  const { organization, domains, members } = await load(() => api.verification.representation({ slug }));
  const [t, tv, format] = await Promise.all([getTranslations("secretariat.representation"), getTranslations("vocabulary"), getFormatter()]);
  const confirmed = domains.filter((d) => d.confirmedAt).map((d) => d.domain);
  return (
    <>
      <SecretariatNav current="organizations" />
      <PageHeader caption={organization.name} title={t("title")} description={t("lead")} />
      <p className="mb-6">
        <Link href={`/organizations/${organization.slug}`}>{t("publicPage")}</Link>
      </p>
      <p className="mb-8" data-testid="domains">
        {confirmed.length ? t("domains", { domains: confirmed.join(", ") }) : t("noDomains")}
      </p>
      <ul className="border-t border-border">
        {members.map((m) => (
          <li key={m.userId} className="border-b border-border py-4">
            <p className="font-bold break-words">
              {m.name} <span className="font-normal text-muted">({tv(`memberRole.${m.role}`)})</span>
            </p>
            <p className="text-base text-muted break-words">
              {m.role !== "representative"
                ? t("member")
                : m.address
                  ? t("byAddress", { address: m.address })
                  : m.exceptionReason
                    ? m.reconfirmBy
                      ? t("byMigration", { date: format.dateTime(m.reconfirmBy, { dateStyle: "medium" }) })
                      : t("byException", { reason: m.exceptionReason })
                    : t("provisional")}
            </p>
            <p className="text-base text-muted break-words">
              {m.confirmedAddresses.length ? t("addresses", { addresses: m.confirmedAddresses.join(", ") }) : t("noAddresses")}
            </p>
            {m.role === "representative" && (m.address || (m.exceptionReason && !m.reconfirmBy)) ? null : (
              <ExceptionForm organizationId={organization.id} slug={organization.slug} userId={m.userId} name={m.name} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
