import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";

export default async function NotFound() {
  const t = await getTranslations("common.errors");
  return (
    <>
      <PageHeader title={t("notFoundTitle")} description={t("notFoundText")} />
      <Link href="/">{t("home")}</Link>
    </>
  );
}
