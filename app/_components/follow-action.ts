"use server";

// The Follow / Unfollow button's action (./follow-button.tsx): it calls the procedure through the
// server-side caller, with its policy and checks, and goes back to the page it was on (with the
// query that page shows a confirmation for). A post sent before the page's script has loaded, or
// without it, is answered with a 303; with script, the router loads the page again.
import { revalidatePath } from "next/cache";
import { localeRedirect } from "~/app/_components/locale-redirect";
import { safeCallbackUrl } from "~/app/(auth)/callback-url";
import { textOf } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { followTargetTypes } from "~/server/schemas/notification-vocabulary";

export async function followAction(formData: FormData): Promise<void> {
  const type = followTargetTypes.find((t) => t === textOf(formData, "type"));
  if (!type) throw new Error("Unknown follow target type.");
  await api.notifications.follow({ type, key: textOf(formData, "key"), follow: textOf(formData, "follow") === "1" });
  // Only a path on this site: the field is the page's own, but a crafted form must not send anyone elsewhere.
  const back = safeCallbackUrl(textOf(formData, "back"), "/notifications");
  const path = back.split(/[?#]/, 1)[0]!;
  revalidatePath(path);
  await localeRedirect(back);
}
