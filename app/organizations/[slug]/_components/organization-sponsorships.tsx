import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { NormStatus } from "~/server/schemas/vocabulary";

/** The norms an organisation co-sponsors (server/domain/sponsors.ts); nothing when it co-sponsors none. */
export async function OrganizationSponsorships({ sponsorships }: { sponsorships: readonly { slug: string; title: string; status: NormStatus; since: Date }[] }) {
  if (!sponsorships.length) return null;
  const [t, tv, format] = await Promise.all([getTranslations("sponsors.organization"), getTranslations("vocabulary"), getFormatter()]);
  return (
    <section aria-labelledby="sponsorships-heading" className="mb-10" data-testid="organization-sponsorships">
      <h2 id="sponsorships-heading" className="mb-2 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-4 text-muted">{t("lead")}</p>
      <ul className="border-t border-border">
        {sponsorships.map((s) => (
          <li key={s.slug} className="border-b border-border py-3">
            <p className="font-bold">
              <Link href={`/norms/${s.slug}#sponsors-heading`}>{s.title}</Link>
            </p>
            <p className="text-base text-muted">
              {tv(`normStatus.${s.status}`)} · {t("since", { date: format.dateTime(s.since, { dateStyle: "long" }) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
