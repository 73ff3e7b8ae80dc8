"use server";

// The mail choices on /account/notifications post here: one rhythm per category, saved through the
// procedure with its policy and validation, so the form works before the page's script has loaded
// and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { notificationCategories } from "~/server/schemas/notification-vocabulary";

/** The form's fields: one radio group per category, named `rhythm-<category>`. */
const fieldOf = (category: string) => `rhythm-${category}`;

export async function savePreferencesAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const fields = notificationCategories.map(fieldOf);
  const values = formValues(formData, fields);
  // Only the categories sent: an unknown rhythm is refused by the input schema, and named.
  const rhythms = Object.fromEntries(notificationCategories.filter((c) => values[fieldOf(c)]).map((c) => [c, values[fieldOf(c)]]));
  try {
    await api.notifications.setPreferences({ rhythms: rhythms as never });
  } catch (error) {
    return failed(previous, error, values);
  }
  revalidatePath("/account/notifications");
  return succeeded(previous, true, values);
}
