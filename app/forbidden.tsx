import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";

export default async function Forbidden() {
  const t = await getTranslations("common.errors");
  return (
    <>
      <PageHeader title={t("forbiddenTitle")} description={t("forbiddenText")} />
      <Link href="/">{t("home")}</Link>
    </>
  );
}
