import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { forbidden, unauthorized } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Button } from "~/app/_components/ui/button";
import { Input } from "~/app/_components/ui/input";
import { Label } from "~/app/_components/ui/label";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { OrganizationReasonDialog } from "../_components/organization-reason-dialog";
import { countryName } from "~/server/schemas/countries";
import { Pagination } from "../_components/pagination";
import { SecretariatNav } from "../_components/secretariat-nav";
import { StatusBadge } from "../_components/status-badge";
import { VerifyButton } from "../_components/verify-button";
import { queryText } from "~/app/_components/query-text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secretariat.organizations");
  return { title: t("title") };
}

const pageSize = 25;

export default async function SecretariatOrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The list itself is public; this page is the secretariat's, because of what it lets you do.
  const actor = await getActor();
  if (!actor) unauthorized();
  if (!can("verification.revoke", actor)) forbidden();

  const params = await searchParams;
  const q = queryText(params.q, 100);
  const cursor = Math.max(0, Number.parseInt(typeof params.cursor === "string" ? params.cursor : "0", 10) || 0);
  const result = await load(() => api.organizations.list({ q: q || undefined, cursor, limit: pageSize }));
  const [t, tc, tv, tn, tr] = await Promise.all([
    getTranslations("secretariat.organizations"),
    getTranslations("secretariat"),
    getTranslations("vocabulary"),
    getTranslations("secretariat.verification"),
    getTranslations("secretariat.representation"),
  ]);
  const href = (c: number) => `/secretariat/organizations?${new URLSearchParams({ ...(q ? { q } : {}), ...(c ? { cursor: String(c) } : {}) })}`;

  return (
    <>
      <SecretariatNav current="organizations" />
      <PageHeader caption={tc("caption")} title={t("title")} description={t("lead")} />
      <form method="get" role="search" className="mb-8 flex flex-wrap items-end gap-3">
        <div className="w-full max-w-md">
          <Label htmlFor="q" className="mb-1">
            {t("search")}
          </Label>
          <Input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <Button type="submit" worksWithoutScript variant="secondary">
          {t("searchSubmit")}
        </Button>
        {q ? (
          <Link href="/secretariat/organizations" className="self-center">
            {t("clear")}
          </Link>
        ) : null}
      </form>
      <p className="mb-4 text-muted">
        {q ? t("resultsFor", { count: result.total, q }) : t("results", { count: result.total })}
      </p>
      {result.items.length > 0 ? (
        <ul aria-label={t("tableLabel")} className="border-t border-border">
          {result.items.map((o) => (
            <li
              key={o.id}
              className="grid gap-3 border-b border-border py-4 md:grid-cols-[minmax(0,1fr)_12rem_15rem] md:items-start md:gap-6"
            >
              <div className="min-w-0">
                <Link href={`/organizations/${o.slug}`} className="font-semibold break-words">
                  {o.name}
                </Link>
                <p className="text-base text-muted">
                  {tv(`stakeholderType.${o.stakeholderType}`)} · {tv(`region.${o.region}`)}
                </p>
                <Link href={`/secretariat/organizations/${o.slug}/representation`} className="text-base">
                  {tr("link")}
                  <span className="sr-only">: {o.name}</span>
                </Link>
              </div>
              <div>
                <span className="sr-only">{t("status")}: </span>
                <StatusBadge status={o.verificationStatus} />
              </div>
              <div className="flex flex-wrap gap-3 md:justify-end">
                {o.verificationStatus === "verified" ? (
                  <OrganizationReasonDialog organizationId={o.id} name={o.name} mode="revoke" />
                ) : o.verificationStatus === "revoked" ? (
                  <VerifyButton
                    mode="again"
                    organization={{
                      id: o.id,
                      name: o.name,
                      type: tv(`stakeholderType.${o.stakeholderType}`),
                      region: tv(`region.${o.region}`),
                      country: o.country ? countryName(o.country) : tn("none"),
                      duplicates: [],
                    }}
                  />
                ) : o.verificationStatus === "pending" ? (
                  <Link href="/secretariat/verification">{t("inQueue")}</Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination
        label={t("pagination")}
        previous={cursor > 0 ? { href: href(Math.max(0, cursor - pageSize)), label: t("previous") } : null}
        next={result.nextCursor !== null ? { href: href(result.nextCursor), label: t("next") } : null}
      />
    </>
  );
}
