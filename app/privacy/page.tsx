import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { PageContents } from "~/app/_components/page-contents";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title"), description: t("lead") };
}

const sections = ["account", "positions", "comments", "moderation", "audit", "limits", "logs", "mail", "cookies"] as const;

/** What the forum keeps about people, why and for how long; also where a deleted account lands. */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, params] = await Promise.all([getTranslations("privacy"), searchParams]);
  return (
    <>
      {params.notice === "accountDeleted" ? (
        <Alert role="status" className="mb-8">
          <AlertDescription>{t("deletedNotice")}</AlertDescription>
        </Alert>
      ) : null}
      <PageHeader title={t("title")} description={t("lead")} />

      <PageContents
        id="privacy-contents"
        title={t("contents")}
        items={[...sections.map((s) => ({ href: `#${s}`, label: t(`sections.${s}.title`) })), { href: "#choices", label: t("rights.title") }]}
      />

      {sections.map((s) => (
        <section key={s} aria-labelledby={s} className="mb-10 max-w-[42rem]">
          <h2 id={s} className="mb-3 scroll-mt-6 text-2xl font-bold sm:text-3xl">
            {t(`sections.${s}.title`)}
          </h2>
          <p className="mb-3">{t(`sections.${s}.what`)}</p>
          <p className="mb-3">{t(`sections.${s}.why`)}</p>
          <p className="border-s-4 border-border ps-4">
            <span className="font-bold">{t("kept")}: </span>
            {t(`sections.${s}.kept`)}
          </p>
        </section>
      ))}

      <section aria-labelledby="choices" className="max-w-[42rem]">
        <h2 id="choices" className="mb-3 scroll-mt-6 text-2xl font-bold sm:text-3xl">
          {t("rights.title")}
        </h2>
        <ul className="mb-6 list-disc space-y-2 ps-6">
          <li>{t("rights.download")}</li>
          <li>{t("rights.delete")}</li>
        </ul>
        <p>
          <Link href="/account#your-data">{t("rights.accountLink")}</Link>
        </p>
      </section>
    </>
  );
}
