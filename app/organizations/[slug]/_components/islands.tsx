"use client";

// The organisation page's interactive part, loaded only when the server renders it: a visitor's
// first load carries none of its forms, dialogs or API client (docs/performance.md, "Page budgets").
import { island } from "~/app/_components/island";
import type * as MembershipPanelModule from "./membership-panel";

/** A signed-in person's membership: ask to join, withdraw a request, leave or manage. */
export const MembershipPanel = island(
  () => import("./membership-panel").then((m) => m.MembershipPanel),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server only (see island.tsx)
  typeof window === "undefined" ? (require("./membership-panel") as typeof MembershipPanelModule).MembershipPanel : undefined,
);
