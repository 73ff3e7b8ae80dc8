"use server";

// The clearance page's forms post here: each action calls its procedure through the server-side
// caller, with the procedure's own policy and validation, so the forms work without the page's script.
import { revalidatePath } from "next/cache";
import type { ActionState } from "~/app/_components/action-state";
import { valueOf } from "~/app/_components/action-state";
import { failed, formValues, goTo, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";

export type EntryIntent = "countersign" | "decline" | "withdraw" | "submit";
export type EntryDone = { intent: EntryIntent; state: string };

/** Countersigns, declines, withdraws (or discards) or submits one entry, as the button sent says. */
export async function entryAction(previous: ActionState<EntryDone>, formData: FormData): Promise<ActionState<EntryDone>> {
  const values = formValues(formData, ["entryId", "slug", "intent", "draft"]);
  const entryId = valueOf(values, "entryId");
  const intent = valueOf(values, "intent") as EntryIntent;
  try {
    let state: string;
    if (intent === "countersign") state = (await api.clearance.countersign({ entryId }), "published");
    else if (intent === "decline") state = (await api.clearance.decline({ entryId })).state;
    else if (intent === "withdraw") state = (await api.clearance.withdraw({ entryId })).state;
    else state = (await api.clearance.submit({ entryId })).state;
    const slug = valueOf(values, "slug");
    // The entry moves to another list: the page, loaded again in full, says what was done. Not
    // re-rendered here first, which would unmount this form before it could follow the redirect.
    const done = intent === "submit" ? (state === "pending" ? "pending" : "submitted") : intent === "withdraw" && valueOf(values, "draft") ? "discarded" : state;
    return goTo(previous, `/organizations/${slug}/clearance?done=${done}`, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}

/** Turns the organisation's countersignature requirement on or off. */
export async function setRequirementAction(previous: ActionState<{ required: boolean }>, formData: FormData): Promise<ActionState<{ required: boolean }>> {
  const values = formValues(formData, ["organizationId", "slug", "required"]);
  try {
    const { required } = await api.clearance.setRequirement({ organizationId: valueOf(values, "organizationId"), required: valueOf(values, "required") === "on" });
    revalidatePath(`/organizations/${valueOf(values, "slug")}/manage`);
    revalidatePath(`/organizations/${valueOf(values, "slug")}/clearance`);
    return succeeded(previous, { required }, values);
  } catch (error) {
    return failed(previous, error, values);
  }
}

/** Field errors of the nested draft input ("position.statement") under the form's names ("statement"). */
function unnested<Done>(state: ActionState<Done>): ActionState<Done> {
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([k, v]) => [k.replace(/^(position|statement|reply)\./, ""), v]));
  return { ...state, fieldErrors };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const numbers = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map(Number);

/** Saves a draft's changes, then shows it again. */
export async function saveDraftAction(previous: ActionState<true>, formData: FormData): Promise<ActionState<true>> {
  const values = formValues(formData, ["entryId", "slug", "kind", "organizationId", "normId", "stance", "statement", "clauses", "year", "itemId", "status", "text", "links", "observationId"]);
  const v = (name: string) => valueOf(values, name);
  const entryId = v("entryId");
  try {
    if (v("kind") === "position") {
      await api.clearance.savePosition({
        entryId,
        position: { normId: v("normId"), organizationId: v("organizationId"), stance: v("stance") as never, statement: v("statement"), clauses: numbers(v("clauses")) },
      });
    } else if (v("kind") === "statement") {
      await api.clearance.saveStatement({
        entryId,
        statement: { year: Number(v("year")), itemId: v("itemId"), organizationId: v("organizationId"), status: v("status") as never, text: v("text"), links: lines(v("links")) },
      });
    } else {
      await api.clearance.saveReply({ entryId, reply: { observationId: v("observationId"), organizationId: v("organizationId"), text: v("text") } });
    }
    revalidatePath(`/organizations/${v("slug")}/clearance`);
    return goTo(previous, `/organizations/${v("slug")}/clearance/${entryId}?saved=1`, values);
  } catch (error) {
    return unnested(await failed(previous, error, values));
  }
}
