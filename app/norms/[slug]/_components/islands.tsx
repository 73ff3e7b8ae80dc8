"use client";

// The norm page's interactive parts, each loaded only when the server renders it: an anonymous
// reader's first load carries none of their forms, dialogs, validation or API client
// (docs/performance.md, "Page budgets"). Rendered on the server all the same, so the markup is
// there before the script; their submit buttons stay disabled until they can act.
import { island } from "~/app/_components/island";
import type * as DiscussionActionsModule from "./discussion-actions";
import type * as DiscussionAppealModule from "./discussion-appeal";
import type * as DiscussionComposerModule from "./discussion-composer";
import type * as NormActionsModule from "./norm-actions";
import type * as RecordPositionModule from "./record-position";
import type * as SponsorFormsModule from "./sponsor-forms";

/** A comment's reply, edit, delete and report actions, for a reader who may take one. */
export const CommentActions = island(
  () => import("./discussion-actions").then((m) => m.CommentBody),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./discussion-actions") as typeof DiscussionActionsModule).CommentBody : undefined,
);
/** The form for a new comment, for a signed-in reader. */
export const CommentComposer = island(
  () => import("./discussion-composer").then((m) => m.CommentComposer),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./discussion-composer") as typeof DiscussionComposerModule).CommentComposer : undefined,
);
/** The author's appeal against hiding their comment. */
export const AppealForm = island(
  () => import("./discussion-appeal").then((m) => m.AppealForm),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./discussion-appeal") as typeof DiscussionAppealModule).AppealForm : undefined,
);
/** The proposer's, co-authors' and secretariat's actions on the norm. */
export const NormActions = island(
  () => import("./norm-actions").then((m) => m.NormActions),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./norm-actions") as typeof NormActionsModule).NormActions : undefined,
);
/** A representative's form to record a position. */
export const RecordPosition = island(
  () => import("./record-position").then((m) => m.RecordPosition),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./record-position") as typeof RecordPositionModule).RecordPosition : undefined,
);
/** A representative's request to co-sponsor the norm, for one of their verified organisations. */
export const SponsorRequestForm = island(
  () => import("./sponsor-forms").then((m) => m.SponsorRequestForm),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./sponsor-forms") as typeof SponsorFormsModule).SponsorRequestForm : undefined,
);
/** Withdrawing a request or a sponsorship, or accepting or declining a request. */
export const SponsorDecisionForm = island(
  () => import("./sponsor-forms").then((m) => m.SponsorDecisionForm),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./sponsor-forms") as typeof SponsorFormsModule).SponsorDecisionForm : undefined,
);
