import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { unauthorized } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { getActor } from "~/server/context";
import { isStaff } from "~/server/policy";
import { countryOptions } from "~/server/schemas/countries";
import { OrganizationForm } from "../_components/organization-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations.new");
  return { title: t("title") };
}

export default async function NewOrganizationPage() {
  const [t, actor] = await Promise.all([getTranslations("organizations.new"), getActor()]);
  if (!actor) unauthorized();
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      {isStaff(actor) ? (
        <Alert variant="info" className="max-w-2xl" data-testid="staff-no-organisation">
          <AlertTitle>{t("staffTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("staffText")}</p>
            <p>
              <Link href="/about/governance#neutrality">{t("governance")}</Link>
            </p>
          </AlertDescription>
        </Alert>
      ) : actor.suspension ? (
        <Alert variant="warning" className="max-w-2xl">
          <AlertTitle>{t("suspendedTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("suspendedText")}</p>
            <p>
              <Link href="/account#suspension">{t("appeal")}</Link>
            </p>
          </AlertDescription>
        </Alert>
      ) : (
        <OrganizationForm mode="create" countries={countryOptions()} />
      )}
    </>
  );
}
