import { forbidden, unauthorized } from "next/navigation";
import type * as React from "react";
import { ScopedMessages } from "~/app/_components/scoped-messages";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";

/**
 * Decides who may see the secretariat's pages before anything streams, so a visitor gets 401 and a
 * member 403 even though the pages have a loading skeleton. Each page's procedures still check.
 * Adds the messages of the secretariat's forms (server/i18n/client-messages.ts).
 */
export default async function SecretariatLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) unauthorized();
  if (!can("verification.queue", actor)) forbidden();
  return <ScopedMessages scope="secretariat">{children}</ScopedMessages>;
}
