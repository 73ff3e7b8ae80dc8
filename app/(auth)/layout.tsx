import type * as React from "react";
import { ScopedMessages } from "~/app/_components/scoped-messages";

/** The messages this part's client components use, beside the frame's (server/i18n/client-messages.ts). */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="(auth)">{children}</ScopedMessages>;
}
