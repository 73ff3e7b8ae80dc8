import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { getActor } from "~/server/context";

export default async function HomePage() {
  const [t, tn, actor] = await Promise.all([getTranslations("common.home"), getTranslations("common.nav"), getActor()]);
  const sections = [
    { title: t("normsTitle"), text: t("normsText"), href: "/norms", link: t("normsLink") },
    { title: t("organizationsTitle"), text: t("organizationsText"), href: "/organizations", link: tn("organizations") },
    actor
      ? { title: t("joinTitle"), text: t("joinText"), href: "/account", link: tn("account") }
      : { title: t("joinTitle"), text: t("joinText"), href: "/sign-up", link: tn("signUp") },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <div className="grid gap-10 md:grid-cols-3">
        {sections.map((s) => (
          <section key={s.href} aria-labelledby={`${s.href.slice(1)}-heading`} className="border-t-4 border-primary pt-4">
            <h2 id={`${s.href.slice(1)}-heading`} className="mb-3 text-xl font-bold">
              {s.title}
            </h2>
            <p className="mb-4">{s.text}</p>
            <Link href={s.href} className={buttonVariants({ variant: "secondary" })}>
              {s.link}
            </Link>
          </section>
        ))}
      </div>
      <section aria-labelledby="reference-heading" className="mt-12 border-t-4 border-border pt-4">
        <h2 id="reference-heading" className="mb-3 text-xl font-bold">
          {t("referenceTitle")}
        </h2>
        <p className="max-w-3xl">{t("referenceText", { count: 33 })}</p>
      </section>
    </>
  );
}
