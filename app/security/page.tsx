import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { env } from "~/env.js";
import { appUrl } from "~/server/app-url";
import { securityContact } from "~/server/security-txt";
import { PageContents } from "~/app/_components/page-contents";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("title"), description: t("lead") };
}

const sections = ["report", "scope", "rules", "harbour"] as const;
const scopeItems = ["accounts", "authorization", "record", "exposure", "injection"] as const;
const outItems = ["volume", "people", "scanners", "others"] as const;
const ruleItems = ["ownAccounts", "minimum", "public", "service"] as const;

const headingClass = "mb-3 scroll-mt-6 text-2xl font-bold sm:text-3xl";

/** How to report a vulnerability: the policy /.well-known/security.txt points to. */
export default async function SecurityPage() {
  // The contact and address come from the running server's settings, not the build's.
  await connection();
  const t = await getTranslations("security");
  const contact = securityContact({ contact: env.SECURITY_CONTACT, appUrl: appUrl() });
  const contactLabel = contact.startsWith("mailto:") ? contact.slice("mailto:".length) : contact;
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />

      <PageContents id="security-contents" title={t("contents")} items={sections.map((s) => ({ href: `#${s}`, label: t(`${s}.title`) }))} />

      <section aria-labelledby="report" className="mb-10 max-w-[42rem]">
        <h2 id="report" className={headingClass}>
          {t("report.title")}
        </h2>
        <p className="mb-3 text-lg font-bold">
          {t.rich("report.contact", { contact: contactLabel, link: (chunks) => <a href={contact}>{chunks}</a> })}
        </p>
        <p className="mb-3">{t("report.what")}</p>
        <p className="mb-3">{t("report.reply")}</p>
        <p>{t.rich("report.machine", { link: (chunks) => <a href="/.well-known/security.txt">{chunks}</a> })}</p>
      </section>

      <section aria-labelledby="scope" className="mb-10 max-w-[42rem]">
        <h2 id="scope" className={headingClass}>
          {t("scope.title")}
        </h2>
        <p className="mb-3">{t("scope.lead", { origin: new URL(appUrl()).origin })}</p>
        <ul className="mb-6 list-disc space-y-2 ps-6">
          {scopeItems.map((i) => (
            <li key={i}>{t(`scope.items.${i}`)}</li>
          ))}
        </ul>
        <h3 className="mb-3 text-xl font-bold">{t("scope.outTitle")}</h3>
        <ul className="list-disc space-y-2 ps-6">
          {outItems.map((i) => (
            <li key={i}>{t(`scope.out.${i}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rules" className="mb-10 max-w-[42rem]">
        <h2 id="rules" className={headingClass}>
          {t("rules.title")}
        </h2>
        <ul className="list-disc space-y-2 ps-6">
          {ruleItems.map((i) => (
            <li key={i}>{t(`rules.items.${i}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="harbour" className="mb-12 max-w-[42rem]">
        <h2 id="harbour" className={headingClass}>
          {t("harbour.title")}
        </h2>
        <p className="mb-3">{t("harbour.text")}</p>
        <p>{t("harbour.credit")}</p>
      </section>
    </>
  );
}
