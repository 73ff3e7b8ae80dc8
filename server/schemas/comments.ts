import { z } from "zod";
import { encodeJsonCursor, jsonCursor } from "./cursor";
import { idCursor, pageLimit, wholeNumber } from "./numbers";
import { houseRuleIds } from "../domain/house-rules";
import { stakeholderTypes } from "./vocabulary";

export const MAX_COMMENT = 10_000;

const body = z
  .string()
  .trim()
  .min(1, "Write your comment before posting it.")
  .max(MAX_COMMENT, `A comment must be ${MAX_COMMENT.toLocaleString("en")} characters or fewer.`);

// BCP 47, e.g. en, fr, zh-Hans, es-419.
const languageTag = z
  .string()
  .trim()
  .max(35, "Enter a language tag such as en, fr or zh-Hans.")
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Enter a language tag such as en, fr or zh-Hans.")
  .default("en");

export const createCommentInput = z.strictObject({
  normId: z.uuid(),
  body,
  language: languageTag,
  // The version and clause (from 1) it is about; a reply takes its parent's.
  version: wholeNumber("The version").optional(),
  clause: wholeNumber("The clause number").nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  organizationId: z.uuid().nullable().optional(),
  // A comment on an amendment (it takes the amendment's version and clause) rather than on the text.
  amendmentId: z.uuid().nullable().optional(),
});

export const editCommentInput = z.strictObject({ commentId: z.uuid(), body });
export const commentIdInput = z.strictObject({ commentId: z.uuid() });

export const reportCommentInput = z.strictObject({
  commentId: z.uuid(),
  reason: z.string().trim().min(10, "Say in a sentence what the problem is (at least 10 characters).").max(1000, "The reason must be 1,000 characters or fewer."),
});

export const appealCommentInput = z.strictObject({
  commentId: z.uuid(),
  text: z.string().trim().min(20, "Explain why the comment should be restored (at least 20 characters).").max(2000, "The appeal must be 2,000 characters or fewer."),
});

export const commentSorts = ["oldest", "newest", "replies"] as const;
const threadCursorShape = z.strictObject({
  // With the "replies" sort, the last thread's number of replies.
  r: z.number().int().min(0).optional(),
  // The last thread's start time (ISO 8601, microseconds) and id.
  t: z.iso.datetime({ offset: true }),
  id: z.uuid(),
});
export type ThreadCursor = z.infer<typeof threadCursorShape>;
export const encodeThreadCursor = (c: ThreadCursor) => encodeJsonCursor(c);

export const listCommentsInput = z.strictObject({
  slug: z.string().min(1).max(120),
  sort: z.enum(commentSorts).default("oldest"),
  version: wholeNumber("The version").optional(),
  // A clause's number, or null for comments on the whole text.
  clause: wholeNumber("The clause number").nullable().optional(),
  stakeholderType: z.enum(stakeholderTypes).optional(),
  // Threads with a comment in this forum language (a comment's tag's primary language: fr-CA is fr).
  language: z.enum(["ar", "zh", "en", "fr", "ru", "es"]).optional(),
  // An amendment's discussion, by its number; without it, the discussion of the text.
  amendment: wholeNumber("The amendment number").optional(),
  // The page link after the last thread shown.
  cursor: jsonCursor(threadCursorShape).optional(),
});

export const clauseCountsInput = z.strictObject({ slug: z.string().min(1).max(120), version: wholeNumber("The version") });

const note = z.string().trim().max(1000, "The note must be 1,000 characters or fewer.").default("");
const rule = z.enum(houseRuleIds, { error: "Choose the house rule the comment breaks." });

export const hideCommentInput = z.strictObject({ commentId: z.uuid(), rule, note });
export const restoreCommentInput = z.strictObject({ commentId: z.uuid(), note });
export const dismissReportsInput = z.strictObject({ commentId: z.uuid(), note });
export const suspendAuthorInput = z.strictObject({
  commentId: z.uuid(),
  rule,
  reason: z.string().trim().min(10, "Give a reason of at least 10 characters; the person will see it.").max(2000, "The reason must be 2,000 characters or fewer."),
  endsAt: z.coerce.date({ error: "Enter a valid date." }).nullable().optional(),
});
export const decideCommentAppealInput = z.strictObject({
  appealId: z.uuid(),
  decision: z.enum(["restore", "uphold"], { error: "Choose to restore the comment or keep it hidden." }),
  note: z.string().trim().min(5, "Tell the author why, in a few words.").max(1000, "The note must be 1,000 characters or fewer."),
});
export const moderationLogInput = z.strictObject({
  cursor: idCursor.optional(),
  limit: pageLimit(100).default(50),
});
