"use server";

// The admin's forms for the growing library post here: each action calls its procedure through
// the server-side caller (library.addDocument, addNorm, addForum), with the procedure's own policy
// and validation, so the forms work before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, succeeded, textOf } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { documentFields, forumFields } from "./form-fields";


const refreshLibrary = () => {
  revalidatePath("/reference");
  revalidatePath("/admin/library");
};

export async function addDocumentAction(previous: ActionState<{ key: string }>, formData: FormData): Promise<ActionState<{ key: string }>> {
  const values = formValues(formData, documentFields);
  let done: { key: string };
  try {
    done = await api.library.addDocument(Object.fromEntries(documentFields.map((f) => [f, textOf(formData, f)])) as Parameters<typeof api.library.addDocument>[0]);
  } catch (error) {
    return failed(previous, error, values);
  }
  refreshLibrary();
  return succeeded(previous, done, {});
}

export async function addNormAction(previous: ActionState<{ id: string }>, formData: FormData): Promise<ActionState<{ id: string }>> {
  const values = formValues(formData, ["documentKey", "label", "display", "text"], ["categories"]);
  const categories = formData.getAll("categories").filter((v): v is string => typeof v === "string");
  let done: { id: string };
  try {
    done = await api.library.addNorm({
      documentKey: textOf(formData, "documentKey"),
      label: textOf(formData, "label"),
      display: textOf(formData, "display"),
      text: textOf(formData, "text"),
      categories: categories as Parameters<typeof api.library.addNorm>[0]["categories"],
    });
  } catch (error) {
    return failed(previous, error, values);
  }
  refreshLibrary();
  // The document stays chosen, for its next norm.
  return succeeded(previous, done, { documentKey: values.documentKey ?? "" });
}

export async function addForumAction(previous: ActionState<{ id: string }>, formData: FormData): Promise<ActionState<{ id: string }>> {
  const values = formValues(formData, forumFields);
  let done: { id: string };
  try {
    done = await api.library.addForum(Object.fromEntries(forumFields.map((f) => [f, textOf(formData, f)])) as Parameters<typeof api.library.addForum>[0]);
  } catch (error) {
    return failed(previous, error, values);
  }
  revalidatePath("/forums");
  refreshLibrary();
  return succeeded(previous, done, {});
}
