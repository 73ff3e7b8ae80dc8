"use client";

// Loaded only when the server renders it (a representative who may reply to an observation):
// other readers' first load carries none of its form or API client (docs/performance.md, "Page budgets").
import { island } from "~/app/_components/island";
import type * as AnswerCorrectionModule from "./answer-correction";
import type * as CorrectionFormModule from "./correction-form";
import type * as ReplyFormModule from "./reply-form";

export const ReplyForm = island(
  () => import("./reply-form").then((m) => m.ReplyForm),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./reply-form") as typeof ReplyFormModule).ReplyForm : undefined,
);

export const CorrectionForm = island(
  () => import("./correction-form").then((m) => m.CorrectionForm),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./correction-form") as typeof CorrectionFormModule).CorrectionForm : undefined,
);

export const AnswerCorrection = island(
  () => import("./answer-correction").then((m) => m.AnswerCorrection),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./answer-correction") as typeof AnswerCorrectionModule).AnswerCorrection : undefined,
);
