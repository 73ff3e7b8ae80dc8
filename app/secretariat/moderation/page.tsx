import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { Badge } from "~/app/_components/ui/badge";
import { DescriptionList, type DescriptionListItem } from "~/app/_components/ui/description-list";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { SecretariatNav } from "../_components/secretariat-nav";
import { DecideCommentAppeal } from "./_components/decide-comment-appeal";
import { DismissReports } from "./_components/dismiss-reports";
import { HideComment } from "./_components/hide-comment";
import { SuspendAuthor } from "./_components/suspend-author";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation.queue");
  return { title: t("title") };
}

type Queue = Awaited<ReturnType<typeof api.moderation.queue>>;
type QueuedComment = Queue["reported"][number]["comment"];

export default async function ModerationQueuePage() {
  const queue = await load(() => api.moderation.queue());
  const [t, tc, format] = await Promise.all([getTranslations("moderation.queue"), getTranslations("secretariat"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  /** Who wrote it, on which norm and where in it: the rows every queued comment shows. */
  const about = (c: QueuedComment): DescriptionListItem[] => [
    {
      id: "author",
      term: t("author"),
      details: c.organizationName ? t("onBehalfOf", { name: c.authorName, organization: c.organizationName }) : c.authorName,
    },
    { id: "norm", term: t("norm"), details: <Link href={`/norms/${c.normSlug}`}>{c.normTitle}</Link> },
    {
      id: "where",
      term: t("where"),
      details: c.clause !== null ? t("whereClause", { clause: c.clause, version: c.version }) : t("whereNorm", { version: c.version }),
    },
    { id: "written", term: t("written"), details: date(c.createdAt) },
    ...(c.status === "visible"
      ? []
      : [
          {
            id: "status",
            term: t("status"),
            details: <Badge variant="warning">{t(c.status === "hidden" ? "statusHidden" : "statusDeleted")}</Badge>,
          },
        ]),
  ];

  return (
    <>
      <SecretariatNav current="moderation" />
      <PageHeader
        caption={tc("caption")}
        title={t("title")}
        description={
          <>
            <p className="mb-4">{t("lead")}</p>
            <p>
              {t.rich("links", {
                rules: (chunks) => <Link href="/house-rules">{chunks}</Link>,
                log: (chunks) => <Link href="/moderation-log">{chunks}</Link>,
              })}
            </p>
          </>
        }
      />

      <section aria-labelledby="reported-title" className="mb-16">
        <h2 id="reported-title" className="mb-2 text-2xl font-bold sm:text-3xl">
          {t("reportedTitle")}
        </h2>
        {queue.reported.length === 0 ? (
          <p className="text-lg">{t("reportedEmpty")}</p>
        ) : (
          <>
            <p className="mb-6 text-muted">{t("reportedCount", { count: queue.reported.length })}</p>
            <ol className="space-y-12">
              {queue.reported.map(({ comment: c, reports, viewer }) => (
                <li key={c.id}>
                  <article aria-labelledby={`reported-${c.id}`} className="border-t-4 border-border pt-4">
                    <h3 id={`reported-${c.id}`} className="mb-4 text-xl font-bold break-words sm:text-2xl">
                      {t("commentBy", { name: c.authorName })}
                    </h3>
                    <DescriptionList className="mb-6 sm:mb-6" items={about(c)} />
                    <h4 className="mb-2 text-lg font-bold">{t("commentText")}</h4>
                    <blockquote className="mb-6 border-s-4 border-border bg-surface px-4 py-3">
                      <Markdown>{c.body}</Markdown>
                    </blockquote>
                    <h4 className="mb-2 text-lg font-bold">{t("reportsTitle", { count: reports.length })}</h4>
                    <ul className="mb-6 space-y-3">
                      {reports.map((r) => (
                        <li key={r.id} className="border-s-4 border-warning ps-4">
                          <p className="whitespace-pre-line break-words">{r.reason}</p>
                          <p className="text-muted">{t("reportedBy", { name: r.reporterName, date: date(r.createdAt) })}</p>
                        </li>
                      ))}
                    </ul>
                    {viewer.own ? (
                      <p className="max-w-[42rem] border-s-4 border-border ps-3">{t("ownComment")}</p>
                    ) : (
                      <div className="flex flex-wrap gap-4">
                        {c.status === "visible" ? <HideComment commentId={c.id} author={c.authorName} /> : null}
                        <DismissReports commentId={c.id} author={c.authorName} />
                        {viewer.maySuspend ? <SuspendAuthor commentId={c.id} author={c.authorName} /> : null}
                      </div>
                    )}
                    {!viewer.own && !viewer.maySuspend ? <p className="mt-3 max-w-[42rem] text-muted">{t("suspendStaff")}</p> : null}
                  </article>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="appeals-title">
        <h2 id="appeals-title" className="mb-2 text-2xl font-bold sm:text-3xl">
          {t("appealsTitle")}
        </h2>
        {queue.appeals.length === 0 ? (
          <p className="text-lg">{t("appealsEmpty")}</p>
        ) : (
          <>
            <p className="mb-6 text-muted">{t("appealsCount", { count: queue.appeals.length })}</p>
            <ol className="space-y-12">
              {queue.appeals.map(({ appeal, comment: c, viewer }) => (
                <li key={appeal.id}>
                  <article aria-labelledby={`appeal-${appeal.id}`} className="border-t-4 border-border pt-4">
                    <h3 id={`appeal-${appeal.id}`} className="mb-4 text-xl font-bold break-words sm:text-2xl">
                      {t("appealBy", { name: c.authorName })}
                    </h3>
                    <DescriptionList
                      className="mb-6 sm:mb-6"
                      items={[
                        ...about(c),
                        {
                          id: "rule",
                          term: t("rule"),
                          details: c.hiddenRule ? (
                            <Link href={`/house-rules#${c.hiddenRule.id}`}>{t("ruleValue", { id: c.hiddenRule.id, title: c.hiddenRule.title })}</Link>
                          ) : (
                            t("noRule")
                          ),
                        },
                        {
                          id: "note",
                          term: t("noteToAuthor"),
                          details: c.hiddenNote ? <p className="whitespace-pre-line">{c.hiddenNote}</p> : t("noNote"),
                        },
                        { id: "appealed", term: t("appealedOn"), details: date(appeal.createdAt) },
                      ]}
                    />
                    <h4 className="mb-2 text-lg font-bold">{t("hiddenText")}</h4>
                    <blockquote className="mb-6 border-s-4 border-border bg-surface px-4 py-3">
                      <Markdown>{c.body}</Markdown>
                    </blockquote>
                    <h4 className="mb-2 text-lg font-bold">{t("appealText")}</h4>
                    <p className="mb-6 max-w-[42rem] whitespace-pre-line break-words">{appeal.text}</p>
                    {viewer.own ? (
                      <p className="max-w-[42rem] border-s-4 border-border ps-3">{t("ownComment")}</p>
                    ) : (
                      <div className="flex flex-wrap gap-4">
                        <DecideCommentAppeal appealId={appeal.id} author={c.authorName} decision="restore" />
                        <DecideCommentAppeal appealId={appeal.id} author={c.authorName} decision="uphold" />
                      </div>
                    )}
                  </article>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}
