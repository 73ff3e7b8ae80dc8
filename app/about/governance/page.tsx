import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { WithContents } from "~/app/_components/page-contents";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { GovernanceHistory } from "./_components/history";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("governance.about");
  return { title: t("metaTitle"), description: t("lead") };
}

const sections = ["secretariat", "appointments", "funding", "neutrality", "history"] as const;
const rules = ["noMembership", "noPositions", "roleChange", "ownDecisions", "published"] as const;

/**
 * How the forum is run: the administrators' text (the latest published revision), the staff
 * accounts as the database holds them now, and the rules of neutrality the app enforces. Every
 * revision stays readable, so the page's history is public.
 */
export default async function GovernancePage() {
  const [{ current, staff, history }, t, tv, format, actor] = await Promise.all([
    load(() => api.governance.page()),
    getTranslations("governance.about"),
    getTranslations("vocabulary"),
    getFormatter(),
    getActor(),
  ]);
  const text = (section: "secretariat" | "appointments" | "funding") =>
    current ? (
      <Markdown className="prose-forum">{current[section]}</Markdown>
    ) : (
      <p className="text-muted">{t("notPublished")}</p>
    );

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />
      {current ? (
        <p className="-mt-4 mb-6" data-testid="governance-current">
          {t("current", { number: current.number, date: format.dateTime(current.createdAt, { dateStyle: "long" }), name: current.editedBy })}
        </p>
      ) : null}
      {can("governance.publish", actor) ? (
        <p className="mb-8">
          <Link href="/admin/governance">{t("adminLink")}</Link>
        </p>
      ) : null}

      <WithContents id="contents-heading" title={t("contentsTitle")} items={sections.map((s) => ({ href: `#${s}`, label: t(`${s}.title`) }))}>
        <section aria-labelledby="secretariat" className="mb-12 max-w-[42rem]">
          <h2 id="secretariat" className="mb-4 text-2xl font-bold sm:text-3xl">
            {t("secretariat.title")}
          </h2>
          {text("secretariat")}
          <h3 className="mt-8 mb-2 text-xl font-bold">{t("secretariat.staffTitle")}</h3>
          <p className="mb-4">{t("secretariat.staffLead")}</p>
          {staff.length === 0 ? (
            <p>{t("secretariat.none")}</p>
          ) : (
            <Table data-testid="staff-accounts">
              <TableCaption className="sr-only">{t("secretariat.staffCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t("secretariat.colName")}</TableHead>
                  <TableHead scope="col">{t("secretariat.colRole")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {staff.map((person, i) => (
                  <TableRow key={i}>
                    <TableCell>{person.displayName}</TableCell>
                    <TableCell>{tv(`userRole.${person.role}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>

        <section aria-labelledby="appointments" className="mb-12 max-w-[42rem]">
          <h2 id="appointments" className="mb-4 text-2xl font-bold sm:text-3xl">
            {t("appointments.title")}
          </h2>
          {text("appointments")}
        </section>

        <section aria-labelledby="funding" className="mb-12 max-w-[42rem]">
          <h2 id="funding" className="mb-4 text-2xl font-bold sm:text-3xl">
            {t("funding.title")}
          </h2>
          {text("funding")}
        </section>

        <section aria-labelledby="neutrality" className="mb-12 max-w-[42rem]" data-testid="neutrality-rules">
          <h2 id="neutrality" className="mb-4 text-2xl font-bold sm:text-3xl">
            {t("neutrality.title")}
          </h2>
          <p className="mb-4">{t("neutrality.lead")}</p>
          <ul className="mb-4 list-disc space-y-2 ps-6">
            {rules.map((rule) => (
              <li key={rule}>{t(`neutrality.rules.${rule}`)}</li>
            ))}
          </ul>
          <p>{t("neutrality.before")}</p>
        </section>

        <section aria-labelledby="history" className="mb-12">
          <h2 id="history" className="mb-4 text-2xl font-bold sm:text-3xl">
            {t("history.title")}
          </h2>
          <GovernanceHistory history={history} />
        </section>
      </WithContents>
    </>
  );
}
