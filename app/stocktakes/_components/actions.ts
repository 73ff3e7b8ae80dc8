"use server";

// The stock-take forms post here (docs/performance.md, "Page budgets"): each action reads the
// form's own shape into the procedure's input with the form's messages (form-input.ts), and calls
// the procedure through the server-side caller (app/_trpc/server.tsx), which checks it again with
// the policy and the domain. The forms work before the page's script has loaded, and without it.
import { revalidatePath } from "next/cache";
import { localeRedirect } from "~/app/_components/locale-redirect";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "~/app/_components/action-state";
import { failed, formValues, sentByScript, succeeded } from "~/app/_components/action-state.server";
import { api } from "~/app/_trpc/server";
import { choiceNames, parseObservationForm, parseStatementForm } from "./form-input";
import { ACTOR_ROWS, SOURCE_ROWS } from "./form-names";

/** The observation form's fields, sent back to fill it again. */
const observationFields = (formData: FormData) => [
  "title",
  "description",
  "occurredOn",
  "occurredUntil",
  "attributionStatus",
  "attributedBy",
  "attributionSource",
  "confidence",
  "evidenceType",
  ...Array.from({ length: ACTOR_ROWS }, (_, i) => [`actor-${i}`, `actorLabel-${i}`]).flat(),
  ...Array.from({ length: SOURCE_ROWS }, (_, i) => [`sourceUrl-${i}`, `sourceArchive-${i}`]).flat(),
  ...choiceNames(formData),
];

/** Logs a behaviour observation for the secretariat to review; then the stock-take's page. */
export async function logObservationAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, observationFields(formData));
  const input = parseObservationForm(formData);
  if (!input.success) return { n: previous.n + 1, fieldErrors: input.fieldErrors, message: null, code: "BAD_REQUEST", values };
  try {
    await api.stocktakes.logObservation(input.data);
  } catch (error) {
    return failed(previous, error, values);
  }
  // With script, the form says it was sent and moves on itself; a post without script is sent on.
  if (!(await sentByScript())) await localeRedirect(`/stocktakes/${input.data.year}`);
  return succeeded(previous, true, values);
}

/** What saving a statement did: filed, sent for countersignature, or kept as the organisation's draft (issue 17). */
export type StatementSaved = "filed" | "pending" | "draft";

/**
 * Files or changes one implementation statement (one norm, one organisation); sent for
 * countersignature where the organisation requires it; or, with the draft button, saved as an
 * organisation draft for its clearance page.
 */
export async function fileStatementAction(previous: ActionState<StatementSaved>, formData: FormData): Promise<ActionState<StatementSaved>> {
  const values = formValues(formData, ["status", "text", "links"]);
  const input = parseStatementForm(formData, await getTranslations("stocktakes.statements"));
  if (!input.success) return failed(previous, input.error, values);
  let saved: StatementSaved;
  try {
    if (formData.get("intent") === "draft") {
      await api.clearance.saveStatement({ statement: input.data });
      saved = "draft";
    } else {
      saved = (await api.stocktakes.fileStatement(input.data)).pendingEntryId ? "pending" : "filed";
    }
  } catch (error) {
    return failed(previous, error, values);
  }
  // The page's "saved on" and its count of statements filed, read again.
  revalidatePath(`/stocktakes/${input.data.year}/statements`);
  return succeeded(previous, saved, values);
}
