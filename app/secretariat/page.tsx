import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { SecretariatNav } from "./_components/secretariat-nav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secretariat.overview");
  return { title: t("title") };
}

export default async function SecretariatPage() {
  const [queue, appeals, moderation, awaiting] = await Promise.all([
    load(() => api.verification.queue()),
    load(() => api.users.appeals()),
    load(() => api.moderation.queue()),
    load(() => api.norms.awaitingDecision()),
  ]);
  const [t, tm, actor] = await Promise.all([getTranslations("secretariat.overview"), getTranslations("moderation.queue"), getActor()]);
  const moderationCount = moderation.reported.length + moderation.appeals.length;
  const isAdmin = can("user.setRole", actor);
  const sections = [
    {
      id: "decisions",
      title: t("decisionsTitle"),
      text: t("decisionsCount", { count: awaiting.total }),
      href: "/secretariat/decisions",
      link: t("decisionsLink"),
      count: awaiting.total,
    },
    { id: "verification", title: t("verificationTitle"), text: t("verificationCount", { count: queue.length }), href: "/secretariat/verification", link: t("verificationLink"), count: queue.length },
    { id: "appeals", title: t("appealsTitle"), text: t("appealsCount", { count: appeals.length }), href: "/secretariat/appeals", link: t("appealsLink"), count: appeals.length },
    {
      id: "moderation",
      title: tm("overviewTitle"),
      text: tm("overviewCount", { reported: moderation.reported.length, appeals: moderation.appeals.length }),
      href: "/secretariat/moderation",
      link: tm("overviewLink"),
      count: moderationCount,
    },
    { id: "organizations", title: t("organizationsTitle"), text: t("organizationsText"), href: "/secretariat/organizations", link: t("organizationsLink") },
    { id: "users", title: t("usersTitle"), text: isAdmin ? t("usersTextAdmin") : t("usersText"), href: "/secretariat/users", link: t("usersLink") },
    ...(can("audit.list", actor)
      ? [{ id: "audit", title: t("auditTitle"), text: t("auditText"), href: "/admin/audit", link: t("auditLink") }]
      : []),
    ...(can("process.changeRule", actor)
      ? [{ id: "process", title: t("processTitle"), text: t("processText"), href: "/admin/process", link: t("processLink") }]
      : []),
  ];
  return (
    <>
      <SecretariatNav current="overview" />
      <PageHeader title={t("title")} description={t("lead")} />
      <div className="grid gap-10 md:grid-cols-2">
        {sections.map((s) => (
          <section key={s.id} aria-labelledby={`${s.id}-heading`} className="border-t-4 border-primary pt-4">
            <h2 id={`${s.id}-heading`} className="mb-3 text-xl font-bold">
              {s.title}
            </h2>
            {s.count !== undefined ? (
              <p className="mb-2 text-4xl font-bold" aria-hidden="true">
                {s.count}
              </p>
            ) : null}
            <p className="mb-4">{s.text}</p>
            <Link href={s.href}>{s.link}</Link>
          </section>
        ))}
      </div>
    </>
  );
}
