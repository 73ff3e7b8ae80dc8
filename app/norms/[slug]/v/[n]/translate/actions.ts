"use server";

// The translation form posts here: the action calls norms.translate through the server-side caller,
// with the procedure's own policy and validation, so the form works without script. Once saved, the
// browser goes to the version's page in the translation's language, which shows it.
import type { z } from "zod";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, goTo, textOf } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import type { translateInput } from "~/server/schemas/translations";

function translateFormInput(formData: FormData): z.input<typeof translateInput> {
  const version = textOf(formData, "version").trim();
  return {
    normId: textOf(formData, "normId"),
    version: (/^\d{1,9}$/.test(version) ? Number(version) : undefined) as number,
    language: textOf(formData, "language") as z.input<typeof translateInput>["language"],
    title: textOf(formData, "title"),
    summary: textOf(formData, "summary"),
    clauses: formData.getAll("clause").filter((c): c is string => typeof c === "string"),
    rationale: textOf(formData, "rationale"),
  };
}

/** Saves (adds or replaces) a translation; then the version's page as read in that language. */
export async function translateAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["language", "title", "summary", "rationale"], ["clause"]);
  let done: { slug: string; version: number; language: string };
  try {
    done = await api.norms.translate(translateFormInput(formData));
  } catch (error) {
    return failed(previous, error, values);
  }
  // Prefixed even for English (/en/… leads to the unprefixed page), so the reader's own language does not replace it.
  return goTo(previous, `/${done.language}/norms/${encodeURIComponent(done.slug)}/v/${done.version}`, values);
}
