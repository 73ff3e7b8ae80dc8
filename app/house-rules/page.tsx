import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { houseRules } from "~/server/domain/house-rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation.houseRules");
  return { title: t("title"), description: t("lead") };
}

/** The house rules, each at a stable anchor (/house-rules#HR-3) that moderation decisions cite. */
export default async function HouseRulesPage() {
  const [t, tr] = await Promise.all([getTranslations("moderation.houseRules"), getTranslations("houseRules")]);
  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />
      <div className="prose-forum mb-12">
        <h2>{t("principlesTitle")}</h2>
        <p>{t("neutral")}</p>
        <p>{t("sameForAll")}</p>

        <h2>{t("breachTitle")}</h2>
        <ul>
          <li>{t("breachHidden")}</li>
          <li>{t("breachTold")}</li>
          <li>{t("breachSuspension")}</li>
          <li>{t("breachReport")}</li>
        </ul>
        <p>{t.rich("logText", { link: (chunks) => <Link href="/moderation-log">{chunks}</Link> })}</p>
      </div>

      <section aria-labelledby="rules-title" className="max-w-[42rem]">
        <h2 id="rules-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("rulesTitle")}
        </h2>
        <p className="mb-8">{t("rulesLead")}</p>
        <ol className="space-y-8">
          {houseRules.map((rule) => (
            <li key={rule.id} className="border-s-4 border-border ps-4 sm:ps-5">
              <h3 id={rule.id} className="mb-2 scroll-mt-6 text-xl font-bold sm:text-2xl">
                <span className="me-2 text-muted">{rule.id}</span>
                {tr(`${rule.id}.title`)}
              </h3>
              <p>{tr(`${rule.id}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
