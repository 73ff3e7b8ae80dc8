import type * as React from "react";
import { ScopedMessages } from "~/app/_components/scoped-messages";
import { getNorm } from "./_components/get-norm";

/**
 * Looks the norm up before anything streams, so a norm that is not there (or not visible to the
 * reader) answers 404 even though the page below has a loading skeleton; the page reuses the lookup.
 * Adds the messages of the norm's pages' client components (server/i18n/client-messages.ts).
 */
export default async function NormLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await getNorm((await params).slug);
  return <ScopedMessages scope="norms/[slug]">{children}</ScopedMessages>;
}
