import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { NormStatusBadge } from "../_components/norm-badges";
import { StageDeadlineText } from "../_components/stage-deadline";
import { CoauthorInvitations } from "./_components/coauthor-invitations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("norms.mine");
  return { title: t("title") };
}

export default async function MyNormsPage() {
  const [norms, invitations] = await Promise.all([load(() => api.norms.mine()), load(() => api.norms.invitations())]);
  const [t, format, actor] = await Promise.all([getTranslations("norms.mine"), getFormatter(), getActor()]);
  const proposed = norms.filter((n) => n.role === "proposer");
  const coauthored = norms.filter((n) => n.role === "coauthor");

  const list = (items: typeof norms, labelledBy: string) => (
    <ul className="border-t border-border" aria-labelledby={labelledBy}>
      {items.map((n) => (
        <li key={n.id} className="border-b border-border py-5">
          <p className="mb-2 text-lg font-bold sm:text-xl">
            <Link href={`/norms/${n.slug}`}>{n.title}</Link>
          </p>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <NormStatusBadge status={n.status} />
            <span className="text-base text-muted sm:text-lg">
              {t("meta", { version: n.currentVersion, updated: format.dateTime(n.updatedAt, { dateStyle: "medium" }) })}
            </span>
          </p>
          <p className="mt-1 text-base text-muted sm:text-lg">
            {n.organizationName ? t("onBehalfOf", { name: n.organizationName }) : t("personal")}
          </p>
          {n.stage ? (
            <p className="mt-1 text-base sm:text-lg">
              <StageDeadlineText stage={n.stage} />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")}>
        {can("norm.create", actor) ? (
          <Link href="/norms/new" className={buttonVariants()}>
            {t("propose")}
          </Link>
        ) : null}
      </PageHeader>

      {invitations.length ? <CoauthorInvitations invitations={invitations} /> : null}

      <section aria-labelledby="proposed-heading" className="mb-12">
        <h2 id="proposed-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("proposedTitle")}
        </h2>
        {proposed.length ? (
          list(proposed, "proposed-heading")
        ) : (
          <>
            <p className="mb-4">{t("proposedNone")}</p>
            <p>
              <Link href="/norms">{t("browse")}</Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="coauthored-heading">
        <h2 id="coauthored-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("coauthoredTitle")}
        </h2>
        {coauthored.length ? list(coauthored, "coauthored-heading") : <p>{t("coauthoredNone")}</p>}
      </section>
    </>
  );
}
