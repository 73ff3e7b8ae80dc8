import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { api, load } from "~/app/_trpc/server";
import { SecretariatNav } from "../_components/secretariat-nav";
import { requireSecretariat, utcDate } from "./_components/guard";
import { type CoverableNorm, OpenStocktakeForm } from "./_components/open-stocktake-form";
import { StateBadge } from "./_components/state-badge";
import { clock } from "~/server/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stocktakeAdmin.list");
  return { title: t("title") };
}

export default async function SecretariatStocktakesPage() {
  await requireSecretariat();
  const [years, coverable, matrix] = await Promise.all([
    load(() => api.stocktakes.list()),
    load(() => api.stocktakes.coverable()),
    load(() => api.references.matrix()),
  ]);
  const [t, tc, format] = await Promise.all([getTranslations("stocktakeAdmin.list"), getTranslations("secretariat"), getFormatter()]);
  const date = (d: string) => format.dateTime(utcDate(d), { dateStyle: "medium", timeZone: "UTC" });

  const forumNorms: CoverableNorm[] = [...coverable.norms]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((n) => ({ id: n.id, label: n.title, hint: t(n.status === "concluded" ? "normConcluded" : "normEndorsement") }));
  const documents = matrix.documents.map((d) => ({
    key: d.key,
    title: d.title,
    norms: matrix.norms
      .filter((n) => n.documentKey === d.key)
      .map((n): CoverableNorm => ({ id: n.id, label: n.display, hint: n.text.length > 160 ? `${n.text.slice(0, 157).trimEnd()}…` : n.text })),
  }));
  const taken = new Set(years.map((y) => y.year));
  const thisYear = clock.now().getUTCFullYear();
  let suggestedYear = thisYear;
  while (taken.has(suggestedYear)) suggestedYear++;

  return (
    <>
      <SecretariatNav current="stocktakes" />
      <PageHeader caption={tc("caption")} title={t("title")} description={t("lead")} />

      <section aria-labelledby="years-title" className="mb-16">
        <h2 id="years-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("yearsTitle")}
        </h2>
        {years.length === 0 ? (
          <p className="text-lg">{t("empty")}</p>
        ) : (
          <Table>
            <TableCaption className="sr-only">{t("yearsCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("year")}</TableHead>
                <TableHead scope="col">{t("window")}</TableHead>
                <TableHead scope="col">{t("progress")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {years.map((y) => {
                const progress = y.progress;
                return (
                  <TableRow key={y.year}>
                    <TableHead scope="row">
                      <Link href={`/secretariat/stocktakes/${y.year}`}>{y.year}</Link>
                    </TableHead>
                    <TableCell>
                      <p className="mb-2">{t("windowValue", { opens: date(y.opensOn), closes: date(y.closesOn) })}</p>
                      <StateBadge window={y.window} published={y.published} />
                    </TableCell>
                    <TableCell>
                      <p>{t("filedValue", { organizations: progress.organizationsFiled, statements: progress.statements })}</p>
                      <p>{t("awaitingValue", { count: progress.observationsPending })}</p>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="open-title" className="max-w-[42rem]">
        <h2 id="open-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("openTitle")}
        </h2>
        <OpenStocktakeForm
          suggestedYear={suggestedYear}
          forumNorms={forumNorms}
          documents={documents}
          bound={coverable.eligible > coverable.limit ? { eligible: coverable.eligible, limit: coverable.limit } : null}
        />
      </section>
    </>
  );
}
