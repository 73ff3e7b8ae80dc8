import type * as React from "react";
import { ScopedMessages } from "~/app/_components/scoped-messages";

/** The messages this folder's client components use, beside the frame's (server/i18n/client-messages.ts). */
export default function NewNormLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="norms/new">{children}</ScopedMessages>;
}
