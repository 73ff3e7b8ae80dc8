import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { forbidden, unauthorized } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { SecretariatNav } from "~/app/secretariat/_components/secretariat-nav";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { GovernanceForm } from "./_components/governance-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("governance.admin");
  return { title: t("metaTitle") };
}

/** An administrator publishes a new revision of /about/governance (governance.publish). */
export default async function GovernanceAdminPage() {
  // The page is public; publishing it is not. Decided before anything renders: 401, or 403.
  const actor = await getActor();
  if (!actor) unauthorized();
  if (!can("governance.publish", actor)) forbidden();
  const [{ current }, t] = await Promise.all([load(() => api.governance.page()), getTranslations("governance.admin")]);
  return (
    <>
      <SecretariatNav current="governance" />
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />
      <p className="mb-4" data-testid="governance-admin-current">
        {current ? t("current", { number: current.number }) : t("first")}
      </p>
      <p className="mb-10">
        <Link href="/about/governance">{t("publicLink")}</Link>
      </p>
      <GovernanceForm
        current={{ secretariat: current?.secretariat ?? "", appointments: current?.appointments ?? "", funding: current?.funding ?? "" }}
        labels={{
          secretariat: t("secretariat"),
          appointments: t("appointments"),
          funding: t("funding"),
          markdown: t("markdown"),
          summary: t("summary"),
          summaryHint: t("summaryHint"),
          submit: t("submit"),
          saved: t.raw("saved") as string,
        }}
      />
    </>
  );
}
