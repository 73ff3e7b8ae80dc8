import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { forbidden, unauthorized } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { SecretariatNav } from "~/app/secretariat/_components/secretariat-nav";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { StageRuleForm } from "./_components/stage-rule-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("process.admin");
  return { title: t("metaTitle") };
}

/** An administrator changes how long each timed stage runs (process.changeRule), with a reason. */
export default async function ProcessRulesAdminPage() {
  // The rules are public; changing them is not. Decided before anything renders: 401, or 403.
  const actor = await getActor();
  if (!actor) unauthorized();
  if (!can("process.changeRule", actor)) forbidden();
  const [{ rules }, t] = await Promise.all([load(() => api.process.rules()), getTranslations("process.admin")]);
  return (
    <>
      <SecretariatNav current="process" />
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />
      <p className="mb-4 max-w-[42rem]">{t("appliesTo")}</p>
      <p className="mb-10">
        <Link href="/about/process#changes">{t("publicLink")}</Link>
      </p>
      <div className="space-y-12">
        {rules.map((rule) => {
          const days = { defaultDays: rule.defaultDays, minimumDays: rule.minimumDays };
          return (
            <section key={rule.stage} aria-labelledby={`${rule.stage}-heading`} className="border-t-4 border-primary pt-4">
              <h2 id={`${rule.stage}-heading`} className="mb-2 text-2xl font-bold">
                {t("formTitle", { stage: rule.stage })}
              </h2>
              <p className="mb-6" data-testid={`${rule.stage}-current`}>
                {t("current", days)}
              </p>
              <StageRuleForm
                stage={rule.stage}
                defaultDays={rule.defaultDays}
                minimumDays={rule.minimumDays}
                labels={{
                  defaultDays: t("defaultDays"),
                  defaultDaysHint: t("defaultDaysHint"),
                  minimumDays: t("minimumDays"),
                  minimumDaysHint: t("minimumDaysHint"),
                  reason: t("reason"),
                  reasonHint: t("reasonHint"),
                  submit: t("submit", { stage: rule.stage }),
                  saved: t("saved", { stage: rule.stage, ...days }),
                }}
              />
            </section>
          );
        })}
      </div>
    </>
  );
}
