import type { inferRouterOutputs } from "@trpc/server";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type * as React from "react";
import { Markdown } from "~/app/_components/markdown";
import { MAX_INDENT } from "~/server/domain/comments";
import type { AppRouter } from "~/server/root";
import type { SpeakingFor } from "./discussion-composer";
import { EditHistory } from "./discussion-history";
import { AppealForm, CommentActions } from "./islands";

export type Discussion = inferRouterOutputs<AppRouter>["comments"]["list"];
type Comment = Discussion["threads"][number]["replies"][number];

interface Context {
  slug: string;
  normId: string;
  currentVersion: number;
  organizations: readonly SpeakingFor[];
  t: Awaited<ReturnType<typeof getTranslations<"discussion">>>;
  tv: Awaited<ReturnType<typeof getTranslations<"vocabulary">>>;
  date: (d: Date) => string;
}

/** The threads, replies indented up to MAX_INDENT; deeper replies line up and name whom they answer. */
export async function DiscussionThreads({
  discussion,
  organizations,
  labelledBy,
}: {
  discussion: Discussion;
  organizations: readonly SpeakingFor[];
  labelledBy: string;
}) {
  const [t, tv, format] = await Promise.all([getTranslations("discussion"), getTranslations("vocabulary"), getFormatter()]);
  const ctx: Context = {
    slug: discussion.norm.slug,
    normId: discussion.norm.id,
    currentVersion: discussion.norm.currentVersion,
    organizations,
    t,
    tv,
    date: (d) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" }),
  };
  return (
    <ol aria-labelledby={labelledBy} className="border-t border-border">
      {discussion.threads.map((thread) => (
        <CommentItems key={thread.id} comment={thread} ctx={ctx} />
      ))}
    </ol>
  );
}

function CommentItems({ comment, ctx }: { comment: Comment; ctx: Context }) {
  const { t } = ctx;
  const nested = comment.depth < MAX_INDENT;
  const item = (
    <li id={`comment-${comment.id}`} className={comment.depth === 0 ? "border-b border-border py-5" : "pt-4"}>
      <CommentArticle comment={comment} ctx={ctx} />
      {nested && comment.replies.length ? (
        <ol
          aria-label={comment.author ? t("repliesLabel", { name: comment.author.name }) : t("repliesLabelDeleted")}
          className="ms-1 mt-1 border-s-2 border-border ps-3 sm:ms-2 sm:ps-6"
        >
          {comment.replies.map((reply) => (
            <CommentItems key={reply.id} comment={reply} ctx={ctx} />
          ))}
        </ol>
      ) : null}
    </li>
  );
  if (nested) return item;
  // At the deepest indentation, replies follow their parent at the same level.
  return (
    <>
      {item}
      {comment.replies.map((reply) => (
        <CommentItems key={reply.id} comment={reply} ctx={ctx} />
      ))}
    </>
  );
}

function CommentArticle({ comment, ctx }: { comment: Comment; ctx: Context }) {
  const { t, tv } = ctx;
  const labelId = `comment-${comment.id}-label`;

  if (comment.status === "deleted") {
    return (
      <article aria-labelledby={labelId}>
        <p id={labelId} className="text-muted italic">
          {t("comment.deleted")}
        </p>
      </article>
    );
  }

  const name = comment.author?.name ?? "";
  const organization = comment.organization;
  return (
    <article aria-labelledby={labelId}>
      <header className="mb-2">
        <p id={labelId} className="font-bold">
          {organization ? (
            t.rich("comment.onBehalfOf", {
              name,
              organization: organization.name,
              org: (chunks) => <Link href={`/organizations/${organization.slug}`}>{chunks}</Link>,
            })
          ) : (
            name
          )}
        </p>
        {organization ? (
          <p className="text-base text-muted">
            {t("comment.organizationMeta", {
              type: tv(`stakeholderType.${organization.stakeholderType}`),
              region: tv(`region.${organization.region}`),
            })}
          </p>
        ) : null}
        <p className="text-base text-muted">
          <time dateTime={comment.createdAt.toISOString()}>{ctx.date(comment.createdAt)}</time>
          {comment.editedAt ? (
            <>
              {" · "}
              <time dateTime={comment.editedAt.toISOString()} title={ctx.date(comment.editedAt)}>
                {t("comment.edited")}
              </time>
            </>
          ) : null}
        </p>
        {comment.depth === 0 ? <Anchor comment={comment} ctx={ctx} /> : null}
        {comment.inReplyTo ? <p className="text-base text-muted">{t("comment.inReplyTo", { name: comment.inReplyTo })}</p> : null}
        {comment.depth > MAX_INDENT && !comment.inReplyTo ? <p className="text-base text-muted">{t("comment.inReplyToDeleted")}</p> : null}
      </header>

      {comment.status === "hidden" ? (
        <Hidden comment={comment} />
      ) : (
        <Body comment={comment} name={name} ctx={ctx} />
      )}
      {comment.status === "visible" && comment.revisions > 0 ? <EditHistory commentId={comment.id} language={comment.language} /> : null}
    </article>
  );
}

/**
 * A visible comment's text. Server markup; only when the reader may act on it (reply, edit, delete,
 * report) is it wrapped in the client component that does so, given only what it needs: the
 * Markdown source travels to the browser only for the author's edit form.
 */
function Body({ comment, name, ctx }: { comment: Comment; name: string; ctx: Context }) {
  const text = (
    <div lang={comment.language}>
      <Markdown>{comment.body ?? ""}</Markdown>
    </div>
  );
  const { canReply, canEdit, canDelete, canReport } = comment.viewer;
  if (!canReply && !canEdit && !canDelete && !canReport) return text;
  return (
    <CommentActions
      commentId={comment.id}
      normId={ctx.normId}
      currentVersion={ctx.currentVersion}
      authorName={name}
      source={canEdit ? (comment.body ?? "") : ""}
      viewer={{ canReply, canEdit, canDelete, canReport }}
      organizations={canReply ? ctx.organizations : []}
    >
      {text}
    </CommentActions>
  );
}

function Anchor({ comment, ctx }: { comment: Comment; ctx: Context }) {
  const { t } = ctx;
  const href = `/norms/${ctx.slug}/v/${comment.version}${comment.clause ? `#clause-${comment.clause}` : ""}`;
  return (
    <>
      <p className="text-base">
        <Link href={href}>
          {comment.clause
            ? t("comment.anchorClause", { clause: comment.clause, version: comment.version })
            : t("comment.anchorWhole", { version: comment.version })}
        </Link>
      </p>
      {comment.version !== ctx.currentVersion ? (
        <p className="text-base text-muted">{t("comment.notCurrent", { version: comment.version, current: ctx.currentVersion })}</p>
      ) : null}
    </>
  );
}

async function Hidden({ comment }: { comment: Comment }) {
  const t = await getTranslations("discussion.comment");
  const hidden = comment.hidden;
  const rule = hidden?.rule;
  const appeal = hidden?.appeal;
  const link = (chunks: React.ReactNode) => <Link href={`/house-rules#${rule?.id ?? ""}`}>{chunks}</Link>;
  return (
    <div>
      <p className="italic">{rule ? t.rich("hiddenRule", { id: rule.id, title: rule.title, link }) : t("hidden")}</p>
      {comment.body !== null ? (
        <div className="mt-3 border-s-4 border-warning bg-surface p-4">
          <p className="mb-2 text-base text-muted">{comment.viewer.isAuthor ? t("hiddenYours") : t("hiddenStaff")}</p>
          <div lang={comment.language}>
            <Markdown>{comment.body}</Markdown>
          </div>
          {hidden?.note ? <p className="mt-3">{t("hiddenNote", { note: hidden.note })}</p> : null}
          {comment.viewer.isAuthor && appeal ? (
            <div className="mt-3">
              <p className="font-bold">{t(appeal.status === "pending" ? "appealPending" : appeal.status === "upheld" ? "appealUpheld" : "appealRestored")}</p>
              {appeal.decisionNote ? <p>{t("appealReasons", { note: appeal.decisionNote })}</p> : null}
            </div>
          ) : null}
          {comment.viewer.canAppeal ? <AppealForm commentId={comment.id} /> : null}
        </div>
      ) : null}
    </div>
  );
}
