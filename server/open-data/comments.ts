import "server-only";
// The discussion endpoints of the open-data API: a norm's comments as threads, and the public
// moderation log. They read through the same procedures as the norm's page and the log page, as a
// visitor, so a draft or unknown norm is not found and hidden text never reaches them.
import type { inferRouterOutputs } from "@trpc/server";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { houseRule } from "../domain/house-rules";
import type { AppRouter } from "../root";
import { listCommentsInput, moderationLogInput } from "../schemas/comments";
import { visitorCaller } from "./caller";
import { jsonResponse, readQuery, respond } from "./http";
import { serialisePositionNorm } from "./positions";
import type { ModerationLogEntry, ModerationLogPage, NormComment, NormCommentList } from "./schemas";
import { normPageUrl, organizationPageUrl } from "./urls";

type Outputs = inferRouterOutputs<AppRouter>;
type ListedComment = Outputs["comments"]["list"]["threads"][number];
type LoggedAction = Outputs["moderation"]["log"]["items"][number];

type CommentParam = Exclude<keyof typeof listCommentsInput.shape, "slug">;
type CommentListInput = Omit<z.input<typeof listCommentsInput>, "slug">;

/** Query parameters of `GET /api/v1/norms/{slug}/comments`: the discussion's sort and filters (the slug is in the path). */
export const commentListParams = Object.keys(listCommentsInput.shape).filter((name): name is CommentParam => name !== "slug");
/** Query parameters of `GET /api/v1/moderation-log`. */
export const moderationLogParams = Object.keys(moderationLogInput.shape) as (keyof typeof moderationLogInput.shape)[];

/**
 * One comment and its replies, as anyone may read them. A visitor's view already leaves out the
 * text of hidden and deleted comments; this also leaves out who wrote a hidden one and for which
 * organisation (the procedure still names them to visitors; the open data does not republish
 * them), the secretariat's note and every field about the reader.
 */
export function serialiseComment(c: Omit<ListedComment, "replyCount">): NormComment {
  const visible = c.status === "visible";
  return {
    id: c.id,
    parentId: c.parentId,
    threadId: c.threadId,
    version: c.version,
    clause: c.clause,
    language: c.language,
    status: c.status,
    body: visible ? c.body : null,
    author: visible ? (c.author?.name ?? null) : null,
    organization:
      visible && c.organization
        ? {
            slug: c.organization.slug,
            name: c.organization.name,
            stakeholderType: c.organization.stakeholderType,
            region: c.organization.region,
            url: organizationPageUrl(c.organization.slug),
          }
        : null,
    hiddenUnderRule: c.status === "hidden" ? (houseRule(c.hidden?.rule?.id)?.id ?? null) : null,
    createdAt: c.createdAt.toISOString(),
    editedAt: visible ? (c.editedAt?.toISOString() ?? null) : null,
    replies: c.replies.map(serialiseComment),
  };
}

export function normCommentsResponse(db: Db, slug: string, params: URLSearchParams) {
  return respond(async () => {
    const input = readQuery(params, commentListParams, ["version", "clause", "amendment"]) as CommentListInput;
    const result = await visitorCaller(db).comments.list({ ...input, slug });
    const body: NormCommentList = {
      // The same published norm as the positions endpoints give, with the same draft guard.
      norm: serialisePositionNorm(result.norm),
      open: result.open,
      count: result.count,
      threadTotal: result.threadTotal,
      threads: result.threads.map(serialiseComment),
      nextCursor: result.nextCursor,
    };
    return jsonResponse(body);
  });
}

function serialiseLogEntry(e: LoggedAction): ModerationLogEntry {
  const norm = e.content.norm;
  return {
    id: e.id,
    action: e.action,
    rule: e.rule ? { id: e.rule.id, title: e.rule.title } : null,
    createdAt: e.createdAt.toISOString(),
    content: {
      kind: e.content.kind,
      commentId: e.content.commentId,
      version: e.content.version,
      clause: e.content.clause,
      norm: norm ? { slug: norm.slug, title: norm.title, url: normPageUrl(norm.slug) } : null,
    },
  };
}

export function moderationLogResponse(db: Db, params: URLSearchParams) {
  return respond(async () => {
    const input = readQuery(params, moderationLogParams, ["cursor", "limit"]) as z.input<typeof moderationLogInput>;
    const result = await visitorCaller(db).moderation.log(input);
    const body: ModerationLogPage = {
      items: result.items.map(serialiseLogEntry),
      nextCursor: result.nextCursor === null ? null : String(result.nextCursor),
    };
    return jsonResponse(body);
  });
}
