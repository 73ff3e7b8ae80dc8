"use client";

// The norm page's interactive parts, each loaded only when the server renders it: an anonymous
// reader's first load carries none of their forms, dialogs, validation or API client
// (docs/performance.md, "Page budgets"). Rendered on the server all the same, so the markup is
// there before the script; their submit buttons stay disabled until they can act.
import dynamic from "next/dynamic";

/** A comment's reply, edit, delete and report actions, for a reader who may take one. */
export const CommentActions = dynamic(() => import("./discussion-actions").then((m) => m.CommentBody));
/** The form for a new comment, for a signed-in reader. */
export const CommentComposer = dynamic(() => import("./discussion-composer").then((m) => m.CommentComposer));
/** The author's appeal against hiding their comment. */
export const AppealForm = dynamic(() => import("./discussion-appeal").then((m) => m.AppealForm));
/** The proposer's, co-authors' and secretariat's actions on the norm. */
export const NormActions = dynamic(() => import("./norm-actions").then((m) => m.NormActions));
/** A representative's form to record a position. */
export const RecordPosition = dynamic(() => import("./record-position").then((m) => m.RecordPosition));
