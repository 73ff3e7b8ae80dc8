import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { api, load } from "~/app/_trpc/server";
import { COUNTERSIGN_DAYS } from "~/server/schemas/clearance";
import { RequirementForm } from "./requirement-form";

/** The manage page's countersignature setting, with a link to what waits (issue 17). */
export async function CountersignatureSection({ organizationId, slug }: { organizationId: string; slug: string }) {
  const [clearance, t] = await Promise.all([load(() => api.clearance.entries({ organizationId })), getTranslations("clearance.setting")]);
  return (
    <section id="countersignature" aria-labelledby="countersignature-heading" className="mb-12 max-w-[42rem] scroll-mt-6">
      <h2 id="countersignature-heading" className="mb-4 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-6">{t("lead", { days: COUNTERSIGN_DAYS })}</p>
      <RequirementForm organizationId={organizationId} slug={slug} required={clearance.organization.requiresCountersignature} />
      <p className="mt-6">
        <Link href={`/organizations/${slug}/clearance`} data-testid="clearance-link">
          {t("link")}
        </Link>
        <span className="block text-base text-muted">{t("waiting", { count: clearance.pending.length, drafts: clearance.drafts.length })}</span>
      </p>
    </section>
  );
}
