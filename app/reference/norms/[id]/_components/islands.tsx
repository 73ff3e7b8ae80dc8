"use client";

// Loaded only when the server renders it (a reader who may suggest a correction): other readers'
// first load carries none of its form or API client (docs/performance.md, "Page budgets").
import { island } from "~/app/_components/island";
import type * as CorrectionFormModule from "./correction-form";

export const CorrectionForm = island(
  () => import("./correction-form").then((m) => m.CorrectionForm),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./correction-form") as typeof CorrectionFormModule).CorrectionForm : undefined,
);
