import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";

export default async function Unauthorized() {
  const [t, tn] = await Promise.all([getTranslations("common.errors"), getTranslations("common.nav")]);
  return (
    <>
      <PageHeader title={t("unauthorizedTitle")} description={t("unauthorizedText")} />
      <Link href="/sign-in" className={buttonVariants()}>
        {tn("signIn")}
      </Link>
    </>
  );
}
