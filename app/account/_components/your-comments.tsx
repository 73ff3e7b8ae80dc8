import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Badge, type BadgeProps } from "~/app/_components/ui/badge";
import { DescriptionList } from "~/app/_components/ui/description-list";
import type { api } from "~/app/_trpc/server";
import type { CommentStatus } from "~/server/schemas/vocabulary";
import { CommentAppealForm } from "./comment-appeal-form";

type MyComment = Awaited<ReturnType<typeof api.comments.mine>>[number];

const statusBadge: Record<CommentStatus, BadgeProps["variant"]> = { visible: "success", hidden: "warning", deleted: "neutral" };

/** The person's own comments, with why any was hidden and the one appeal they may make. */
export async function YourComments({ comments }: { comments: MyComment[] }) {
  const [t, format] = await Promise.all([getTranslations("account.comments"), getFormatter()]);
  return (
    <section id="comments" aria-labelledby="comments-title" className="mb-12 max-w-[42rem] scroll-mt-6">
      <h2 id="comments-title" className="mb-4 text-2xl font-bold sm:text-3xl">
        {t("title")}
      </h2>
      {comments.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <p className="mb-6">{t("lead")}</p>
          <ol className="space-y-10">
            {comments.map((c) => (
              <li key={c.id}>
                <article aria-labelledby={`comment-${c.id}`} className="border-t-4 border-border pt-4">
                  <h3 id={`comment-${c.id}`} className="mb-3 text-xl font-bold break-words">
                    {t.rich("onNorm", { title: c.norm.title, link: (chunks) => <Link href={`/norms/${c.norm.slug}`}>{chunks}</Link> })}
                  </h3>
                  <DescriptionList
                    className="mb-4 sm:mb-4"
                    items={[
                      { id: "written", term: t("written"), details: format.dateTime(c.createdAt, { dateStyle: "long" }) },
                      {
                        id: "where",
                        term: t("where"),
                        details: c.clause !== null ? t("whereClause", { clause: c.clause, version: c.version }) : t("whereNorm", { version: c.version }),
                      },
                      { id: "status", term: t("status"), details: <Badge variant={statusBadge[c.status]}>{t(`statusLabel.${c.status}`)}</Badge> },
                    ]}
                  />
                  {c.status !== "deleted" ? (
                    <blockquote className="mb-4 border-s-4 border-border bg-surface px-4 py-3">
                      <Markdown>{c.body}</Markdown>
                    </blockquote>
                  ) : null}
                  {c.status === "hidden" && c.hiddenRule ? <HiddenNotice rule={c.hiddenRule} note={c.hiddenNote} /> : null}
                  {c.canAppeal ? <CommentAppealForm commentId={c.id} /> : null}
                  {c.appeal ? (
                    <DescriptionList
                      className="mt-6 mb-0 sm:mb-0"
                      items={[
                        { id: "appeal", term: t("yourAppeal"), details: t(`appealStatus.${c.appeal.status}`) },
                        ...(c.appeal.decisionNote
                          ? [{ id: "note", term: t("decisionNote"), details: <p className="whitespace-pre-line">{c.appeal.decisionNote}</p> }]
                          : []),
                      ]}
                    />
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

async function HiddenNotice({ rule, note }: { rule: { id: string; title: string }; note: string | null }) {
  const t = await getTranslations("account.comments");
  return (
    <Alert variant="warning">
      <AlertDescription>
        <p>
          {t.rich("hiddenUnder", {
            id: rule.id,
            title: rule.title,
            link: (chunks) => <Link href={`/house-rules#${rule.id}`}>{chunks}</Link>,
          })}
        </p>
        {note ? <p className="whitespace-pre-line">{t("hiddenNote", { note })}</p> : null}
      </AlertDescription>
    </Alert>
  );
}
