"use client";

// One entry's actions on the clearance page: countersign, decline, withdraw (or discard), submit.
// Server-action forms (../actions.ts): they work before the page's script has loaded, and without it.
import { useTranslations } from "next-intl";
import { useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { type EntryDone, type EntryIntent, entryAction } from "../actions";

export interface OfferedAction {
  intent: EntryIntent;
  label: string;
  variant?: "default" | "secondary" | "destructive-secondary";
}

export function EntryActions({ entryId, slug, title, actions }: { entryId: string; slug: string; title: string; actions: OfferedAction[] }) {
  const t = useTranslations("clearance.page");
  const { state, pending, sending, formProps } = useActionForm(entryAction, initialState<EntryDone>());
  const done = state.done;
  const doneMessage = !done
    ? null
    : done.intent === "countersign"
      ? t("countersigned")
      : done.intent === "decline"
        ? t("declined")
        : done.intent === "withdraw"
          ? done.state === "withdrawn" && actions.some((a) => a.intent === "submit")
            ? t("discarded")
            : t("withdrawn")
          : done.state === "pending"
            ? t("submittedPending")
            : t("submittedPublished");
  return (
    <form {...formProps} aria-label={title}>
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="slug" value={slug} />
      {actions.some((a) => a.intent === "submit") ? <input type="hidden" name="draft" value="1" /> : null}
      {done ? (
        <Alert variant="success" role="status" className="mb-3">
          <AlertDescription>{doneMessage}</AlertDescription>
        </Alert>
      ) : (
        <div className="flex flex-wrap gap-3">
          {actions.map((a) => (
            <Button key={a.intent} type="submit" name="intent" value={a.intent} variant={a.variant ?? "secondary"} pending={sending(a.intent)} disabled={pending} worksWithoutScript>
              {a.label}
            </Button>
          ))}
        </div>
      )}
      {state.message ? (
        <Alert variant="destructive" role="alert" className="mt-3" data-testid="entry-error">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
    </form>
  );
}
