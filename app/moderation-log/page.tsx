import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { Pagination } from "~/app/secretariat/_components/pagination";
import { FeedLink, feedAlternates } from "~/app/_components/feed-link";
import { feedPaths } from "~/server/open-data/feeds";

export async function generateMetadata(): Promise<Metadata> {
  const [t, tf] = await Promise.all([getTranslations("moderation.log"), getTranslations("openData.feeds")]);
  return { title: t("title"), description: t("lead"), alternates: feedAlternates(feedPaths.moderationLog, tf("alternate.moderationLog")) };
}

const pageSize = 50;
type Entry = Awaited<ReturnType<typeof api.moderation.log>>["items"][number];

/** The public record of moderation: what was done, under which rule, to what kind of content. Never the hidden text. */
export default async function ModerationLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const parsed = Number.parseInt(typeof params.cursor === "string" ? params.cursor : "", 10);
  const cursor = Number.isSafeInteger(parsed) && parsed > 0 ? parsed : undefined;
  const log = await load(() => api.moderation.log({ cursor, limit: pageSize }));
  const [t, tr, format] = await Promise.all([getTranslations("moderation.log"), getTranslations("houseRules"), getFormatter()]);

  const content = (entry: Entry) => {
    const { norm, clause, version } = entry.content;
    if (!norm) return t("contentUnknown");
    const link = (chunks: React.ReactNode) => <Link href={`/norms/${norm.slug}`}>{chunks}</Link>;
    return clause !== null && version !== null
      ? t.rich("contentClause", { clause, version, title: norm.title, link })
      : t.rich("contentNorm", { title: norm.title, link });
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <p className="mb-8">
        <Link href="/house-rules">{t("rulesLink")}</Link>
      </p>
      {log.items.length === 0 ? (
        <p className="text-lg">{cursor ? t("emptyPage") : t("empty")}</p>
      ) : (
        <ol aria-label={t("listLabel")} className="max-w-[42rem] border-t border-border">
          {log.items.map((entry) => (
            <li key={entry.id} id={`entry-${entry.id}`} className="scroll-mt-4 border-b border-border py-4">
              <p className="mb-1 text-muted">
                <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "long" })}</time>
              </p>
              <p className="mb-1">
                <strong>{t(`action.${entry.action}`)}</strong> {t("bySecretariat")}
              </p>
              <p className="mb-1">{content(entry)}</p>
              <p className="text-muted">
                {entry.rule
                  ? t.rich("rule", {
                      id: entry.rule.id,
                      title: tr(`${entry.rule.id}.title`),
                      link: (chunks) => <Link href={`/house-rules#${entry.rule!.id}`}>{chunks}</Link>,
                    })
                  : t("noRule")}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        label={t("pagingLabel")}
        previous={cursor ? { href: "/moderation-log", label: t("newest") } : null}
        next={log.nextCursor ? { href: `/moderation-log?cursor=${log.nextCursor}`, label: t("older") } : null}
      />
      <FeedLink href={feedPaths.moderationLog} lead="subscribeModerationLog" />
    </>
  );
}
