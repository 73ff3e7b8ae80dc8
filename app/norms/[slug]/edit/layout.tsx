import type * as React from "react";
import { ScopedMessages } from "~/app/_components/scoped-messages";

/** The messages this folder's client components use, beside the frame's (server/i18n/client-messages.ts). */
export default function EditNormLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="norms/[slug]/edit">{children}</ScopedMessages>;
}
