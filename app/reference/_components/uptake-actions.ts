"use server";

// The secretariat's uptake forms post here (a forum norm's page, a reference norm's page): the
// action calls uptake.record / uptake.delete through the server-side caller, with the procedures'
// own policy and validation, so the forms work before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, succeeded, textOf } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { uptakeFields } from "./uptake-fields";


// Only the norm's own page is revalidated: a path the form sends must be one of these.
const isNormPath = (path: string) => /^\/(norms|reference\/norms)\/[A-Za-z0-9._~%-]+$/.test(path);

/** Records where the page's norm was taken up. */
export async function recordUptakeAction(previous: ActionState<true>, formData: FormData): Promise<ActionState<true>> {
  const values = formValues(formData, uptakeFields);
  const target = textOf(formData, "normId") ? { normId: textOf(formData, "normId") } : { referenceNormId: textOf(formData, "referenceNormId") };
  try {
    await api.uptake.record({
      ...target,
      document: textOf(formData, "document"),
      forumId: textOf(formData, "forumId"),
      forum: textOf(formData, "forum"),
      paragraph: textOf(formData, "paragraph"),
      takenUpOn: textOf(formData, "takenUpOn"),
      url: textOf(formData, "url"),
      parties: textOf(formData, "parties")
        .split(/[,;\s]+/)
        .filter(Boolean),
    });
  } catch (error) {
    return failed(previous, error, values);
  }
  const back = textOf(formData, "back");
  if (isNormPath(back)) revalidatePath(back);
  return succeeded(previous, true, {});
}

/** Deletes one record of uptake (kept whole in the audit log). */
export async function deleteUptakeAction(previous: ActionState<true>, formData: FormData): Promise<ActionState<true>> {
  try {
    await api.uptake.delete({ id: textOf(formData, "id") });
  } catch (error) {
    return failed(previous, error, {});
  }
  const back = textOf(formData, "back");
  if (isNormPath(back)) revalidatePath(back);
  return succeeded(previous, true, {});
}
