import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";

const LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

export async function SiteFooter() {
  const [t, tm, tp, tg, tc] = await Promise.all([getTranslations("common"), getTranslations("methodology"), getTranslations("process"), getTranslations("governance"), getTranslations("codebook")]);
  const links = [
    { href: "/open-data", label: t("footer.openData") },
    { href: "/about/citing", label: t("footer.citing") },
    { href: "/about/process", label: tp("footerLink") },
    { href: "/about/methodology", label: tm("footerLink") },
    { href: "/about/codebook", label: tc("footerLink") },
    { href: "/about/governance", label: tg("footerLink") },
    { href: "/house-rules", label: t("footer.houseRules") },
    { href: "/moderation-log", label: t("footer.moderationLog") },
    { href: "/privacy", label: t("footer.privacy") },
    { href: "/security", label: t("footer.security") },
    { href: "/api/health", label: t("footer.health") },
  ];
  return (
    <footer className="border-t-4 border-primary bg-surface">
      <div className="mx-auto w-full max-w-5xl space-y-3 px-4 py-8 text-base text-muted sm:px-6">
        <nav aria-label={t("footer.linksLabel")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href}>{l.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="max-w-3xl">{t("footer.about")}</p>
        <p className="max-w-3xl">{t("footer.rights")}</p>
        <p>
          {t.rich("footer.licence", {
            link: (chunks) => (
              <a href={LICENCE_URL} rel="license">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
    </footer>
  );
}
