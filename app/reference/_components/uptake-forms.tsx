"use client";

// The secretariat's forms on a norm's uptake timeline (app/reference/_components/uptake-actions.ts):
// server-action forms that work before the page's script has loaded. Their words come from the page.
import { FormProblems, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { deleteUptakeAction, recordUptakeAction } from "./uptake-actions";
import { uptakeFields } from "./uptake-fields";

export interface UptakeFormLabels {
  document: string;
  documentHint: string;
  forumId: string;
  forumIdHint: string;
  forumNone: string;
  forumName: string;
  paragraph: string;
  paragraphHint: string;
  takenUpOn: string;
  takenUpOnHint: string;
  url: string;
  urlHint: string;
  parties: string;
  partiesHint: string;
  submit: string;
  saved: string;
  errorPrefix: string;
}

export function RecordUptakeForm({
  target,
  back,
  forums,
  labels,
}: {
  target: { normId: string } | { referenceNormId: string };
  back: string;
  forums: { id: string; name: string; year: number }[];
  labels: UptakeFormLabels;
}) {
  const { state, pending, formProps } = useActionForm(recordUptakeAction, initialState<true>());
  const forumError = state.fieldErrors.forumId;
  return (
    <form key={state.done ? state.n : 0} {...formProps} className="max-w-[42rem]" data-testid="record-uptake">
      {state.done ? (
        <Alert variant="success" role="status" className="mb-6">
          <AlertDescription>{labels.saved}</AlertDescription>
        </Alert>
      ) : null}
      <FormProblems state={state} prefix="uptake" fields={uptakeFields} headingLevel="h3" className="mb-6" />
      {"normId" in target ? <input type="hidden" name="normId" value={target.normId} /> : <input type="hidden" name="referenceNormId" value={target.referenceNormId} />}
      <input type="hidden" name="back" value={back} />
      <TextField state={state} id="uptake-document" name="document" label={labels.document} hint={labels.documentHint} autoComplete="off" />
      <Field id="uptake-forumId" label={labels.forumId} hint={labels.forumIdHint} error={forumError} errorPrefix={labels.errorPrefix}>
        <NativeSelect name="forumId" defaultValue={valueOf(state.values, "forumId")} {...fieldAria("uptake-forumId", { hint: labels.forumIdHint, error: forumError })} className="w-full">
          <option value="">{labels.forumNone}</option>
          {forums.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.year})
            </option>
          ))}
        </NativeSelect>
      </Field>
      <TextField state={state} id="uptake-forum" name="forum" label={labels.forumName} autoComplete="off" />
      <TextField state={state} id="uptake-paragraph" name="paragraph" label={labels.paragraph} hint={labels.paragraphHint} autoComplete="off" className="w-40" />
      <TextField state={state} id="uptake-takenUpOn" name="takenUpOn" label={labels.takenUpOn} hint={labels.takenUpOnHint} inputMode="numeric" autoComplete="off" className="w-48" />
      <TextField state={state} id="uptake-url" name="url" label={labels.url} hint={labels.urlHint} type="url" autoComplete="off" />
      <TextField state={state} id="uptake-parties" name="parties" label={labels.parties} hint={labels.partiesHint} autoComplete="off" />
      <Button type="submit" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}

export function DeleteUptakeForm({ id, back, label, accessibleLabel }: { id: string; back: string; label: string; accessibleLabel: string }) {
  const { state, pending, formProps } = useActionForm(deleteUptakeAction, initialState<true>());
  return (
    <form {...formProps} className="mt-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="back" value={back} />
      {state.message ? <p className="text-destructive">{state.message}</p> : null}
      <Button type="submit" variant="destructive-secondary" size="sm" pending={pending} worksWithoutScript aria-label={accessibleLabel}>
        {label}
      </Button>
    </form>
  );
}
