"use client";

// The form to propose an amendment (../actions.ts): a server-action form that works before the
// page's script has loaded. Its words come from the page, so no messages join the client bundle.
import { ChoiceGroup, FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { radioClass } from "~/app/_components/prefixed-fields";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import type { AmendmentKind } from "~/server/schemas/vocabulary";
import { proposeAmendmentAction } from "../actions";
import { proposeFields } from "../form-input";

export interface ProposeLabels {
  kind: string;
  kinds: Record<AmendmentKind, string>;
  text: string;
  textHint: string;
  rationale: string;
  rationaleHint: string;
  speakFor: string;
  yourself: string;
  submit: string;
  errorPrefix: string;
}

export function ProposeAmendmentForm({
  normId,
  baseVersion,
  clause,
  words,
  organizations,
  labels,
}: {
  normId: string;
  baseVersion: number;
  clause: number;
  /** The chosen clause's words, to start new words from. */
  words: string;
  organizations: readonly { id: string; name: string }[];
  labels: ProposeLabels;
}) {
  const { state, pending, formProps } = useActionForm(
    proposeAmendmentAction,
    initialState({ clause: String(clause), kind: "replace", text: words, rationale: "", organizationId: "" }),
  );
  const kindError = state.fieldErrors.kind;
  return (
    <form {...formProps} className="max-w-[42rem]">
      <FormProblems state={state} fields={proposeFields} className="mb-6" />
      <input type="hidden" name="normId" value={normId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <input type="hidden" name="clause" value={clause} />
      {state.fieldErrors.clause ? (
        <p id="clause" className="mb-6 border-s-4 border-destructive ps-4 font-bold text-destructive-strong">
          <span className="sr-only">{labels.errorPrefix} </span>
          {state.fieldErrors.clause}
        </p>
      ) : null}
      <ChoiceGroup state={state} id="kind" name="kind" legend={labels.kind}>
        <div className="flex flex-col gap-3">
          {(["replace", "insert", "delete"] as const).map((k, i) => (
            <div key={k} className="flex items-center gap-3">
              <input
                type="radio"
                id={i === 0 ? "kind" : `kind-${k}`}
                name="kind"
                value={k}
                defaultChecked={valueOf(state.values, "kind") === k}
                aria-invalid={kindError ? true : undefined}
                className={radioClass}
              />
              <label htmlFor={i === 0 ? "kind" : `kind-${k}`} className="cursor-pointer">
                {labels.kinds[k]}
              </label>
            </div>
          ))}
        </div>
      </ChoiceGroup>
      <TextareaField state={state} name="text" label={labels.text} hint={labels.textHint} rows={5} maxLength={5000} />
      <TextareaField state={state} name="rationale" label={labels.rationale} hint={labels.rationaleHint} rows={5} maxLength={4000} />
      {organizations.length ? (
        <Field id="organizationId" label={labels.speakFor} error={state.fieldErrors.organizationId} errorPrefix={labels.errorPrefix}>
          <NativeSelect name="organizationId" defaultValue={valueOf(state.values, "organizationId")} {...fieldAria("organizationId", { error: state.fieldErrors.organizationId })}>
            <option value="">{labels.yourself}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      <Button type="submit" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}
