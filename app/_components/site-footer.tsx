import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="border-t-4 border-primary bg-surface">
      <div className="mx-auto w-full max-w-5xl space-y-3 px-4 py-8 text-base text-muted sm:px-6">
        <p className="max-w-3xl">{t("footer.about")}</p>
        <p className="max-w-3xl">{t("footer.rights")}</p>
        <p>
          <Link href="/api/health">{t("footer.health")}</Link>
        </p>
      </div>
    </footer>
  );
}
