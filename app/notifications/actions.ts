"use server";

// The notification centre's forms post here: opening a notification marks it read and goes to the
// place it is about; "Mark all as read" marks them all. Both are posts (never a link a prefetch could
// follow), call the procedures through the server-side caller, and work without the page's script.
// The next page is loaded in full, so the header's unread count is read again.
import type { ActionState } from "~/app/_components/action-state";
import { failed, goTo, textOf } from "~/app/_components/action-state.server";
import { safeCallbackUrl } from "~/app/(auth)/callback-url";
import { api } from "~/app/_trpc/server";

/** Marks the notification read and opens the exact place it links to. */
export async function openNotificationAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  let link: string;
  try {
    const id = Number(textOf(formData, "id"));
    ({ link } = await api.notifications.markRead({ id: Number.isSafeInteger(id) ? id : 0 }));
  } catch (error) {
    return failed(previous, error, {});
  }
  // The event's link is the forum's own path; anything else opens the centre instead.
  return goTo(previous, safeCallbackUrl(link, "/notifications"));
}

export async function markAllReadAction(previous: ActionState, _formData: FormData): Promise<ActionState> {
  try {
    await api.notifications.markAllRead();
  } catch (error) {
    return failed(previous, error, {});
  }
  return goTo(previous, "/notifications?marked=all");
}
