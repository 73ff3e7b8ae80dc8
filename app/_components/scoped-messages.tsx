import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type * as React from "react";
import { type MessageScope, scopedMessages } from "~/server/i18n/client-messages";

/**
 * The messages the client components of one part of the site translate from, with the frame's
 * (app/layout.tsx): rendered by the layout of that part's folder, so the pages elsewhere do not
 * carry them (server/i18n/client-messages.ts).
 */
export async function ScopedMessages({ scope, children }: { scope: MessageScope; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={scopedMessages(messages, scope)}>{children}</NextIntlClientProvider>;
}
