import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { api, load } from "~/app/_trpc/server";
import { dayOf } from "../_components/load";
import { WindowBadge } from "../_components/window-badge";
import { FeedLink, feedAlternates } from "~/app/_components/feed-link";
import { feedPaths } from "~/server/open-data/feeds";

export async function generateMetadata(): Promise<Metadata> {
  const [t, tf] = await Promise.all([getTranslations("stocktakes.list"), getTranslations("openData.feeds")]);
  return { title: t("title"), description: t("lead"), alternates: feedAlternates(feedPaths.stocktakes, tf("alternate.stocktakes")) };
}

/** Every year's stock-take, newest first: its window and, once published, its report. */
export default async function StocktakesPage() {
  const [years, t, format] = await Promise.all([load(() => api.stocktakes.list()), getTranslations("stocktakes.list"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayOf(d), { dateStyle: "long" });

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <p className="mb-8 max-w-[42rem]">
        {t.rich("verifyNote", { link: (chunks) => <Link href="/about/methodology#verify">{chunks}</Link> })}
      </p>
      {years.length === 0 ? (
        <p className="text-lg">{t("empty")}</p>
      ) : (
        <>
          {/* Narrow screens: one block per year. */}
          <ul className="border-t border-border md:hidden" aria-label={t("caption")}>
            {years.map((y) => (
              <li key={y.year} className="border-b border-border py-4">
                <h2 className="mb-2 text-xl font-bold">
                  <Link href={`/stocktakes/${y.year}`}>{t("yearTitle", { year: y.year })}</Link>
                </h2>
                <p className="mb-1 flex flex-wrap items-center gap-2">
                  <WindowBadge state={y.window} />
                  <span>{t("window", { opens: day(y.opensOn), closes: day(y.closesOn) })}</span>
                </p>
                {y.published ? (
                  <>
                    <p>{t("published", { revision: y.published.revision, date: format.dateTime(y.published.publishedAt, { dateStyle: "long" }) })}</p>
                    <p className="text-base">
                      <a href={`/api/v1/stocktakes/${y.year}/report.pdf`}>{t("pdf", { year: y.year })}</a>
                    </p>
                  </>
                ) : (
                  <p className="text-muted">{t("notPublished")}</p>
                )}
              </li>
            ))}
          </ul>
          <Table containerClassName="hidden md:block" scrollLabel={t("caption")}>
            <TableCaption className="sr-only">{t("caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("colYear")}</TableHead>
                <TableHead scope="col">{t("colWindow")}</TableHead>
                <TableHead scope="col">{t("colState")}</TableHead>
                <TableHead scope="col">{t("colReport")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {years.map((y) => (
                <TableRow key={y.year}>
                  <TableHead scope="row">
                    <Link href={`/stocktakes/${y.year}`}>{t("yearTitle", { year: y.year })}</Link>
                  </TableHead>
                  <TableCell>{t("window", { opens: day(y.opensOn), closes: day(y.closesOn) })}</TableCell>
                  <TableCell>
                    <WindowBadge state={y.window} />
                  </TableCell>
                  <TableCell>
                    {y.published ? (
                      <>
                        <p>
                          <Link href={`/stocktakes/${y.year}`}>
                            {t("published", { revision: y.published.revision, date: format.dateTime(y.published.publishedAt, { dateStyle: "long" }) })}
                          </Link>
                        </p>
                        <p className="text-base">
                          <a href={`/api/v1/stocktakes/${y.year}/report.pdf`}>{t("pdf", { year: y.year })}</a>
                        </p>
                      </>
                    ) : (
                      <span className="text-muted">{t("notPublished")}</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <FeedLink href={feedPaths.stocktakes} lead="subscribeStocktakes" />
    </>
  );
}
