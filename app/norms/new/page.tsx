import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { unauthorized } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { NormForm } from "../_components/norm-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("normForm.new");
  return { title: t("title") };
}

export default async function NewNormPage() {
  const [t, tc, actor, options] = await Promise.all([
    getTranslations("normForm.new"),
    getTranslations("normForm"),
    getActor(),
    load(() => api.norms.formOptions()),
  ]);
  // The options are public (they are reference data); proposing is not.
  if (!actor) unauthorized();
  return (
    <>
      <PageHeader caption={tc("caption")} title={t("title")} description={t("lead")} />
      {actor.suspension ? (
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
        <NormForm mode="create" options={options} />
      )}
    </>
  );
}
