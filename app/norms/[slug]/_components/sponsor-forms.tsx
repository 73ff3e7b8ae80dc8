"use client";

// The co-sponsor forms of the norm page (./sponsor-actions.ts): a representative's request, and
// the one-button forms to withdraw, accept or decline. Server-action forms that work before the
// page's script has loaded and without it; words come from the page (sponsors-section.tsx).
import { FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { requestSponsorshipAction, sponsorDecisionAction } from "./sponsor-actions";

export interface SponsorRequestWords {
  organization: string;
  organizationHint: string;
  /** Said instead of the choice when the reader has one organisation to ask for. */
  askingFor: string;
  message: string;
  messageHint: string;
  submit: string;
  errorPrefix: string;
}

/** Asks to co-sponsor the norm for one of the reader's verified organisations, with an optional message. */
export function SponsorRequestForm({
  normId,
  organizations,
  words,
  maxLength,
}: {
  normId: string;
  organizations: readonly { id: string; name: string }[];
  words: SponsorRequestWords;
  maxLength: number;
}) {
  const { state, pending, formProps } = useActionForm(requestSponsorshipAction, initialState({ organizationId: "", message: "" }));
  const only = organizations.length === 1 ? organizations[0]! : null;
  const error = state.fieldErrors.organizationId;
  return (
    <form {...formProps} className="max-w-[42rem]" data-testid="sponsor-request">
      <FormProblems state={state} prefix="sponsor" fields={["organizationId", "message"]} headingLevel="h3" className="mb-4" />
      <input type="hidden" name="normId" value={normId} />
      {only ? (
        <>
          <input type="hidden" name="organizationId" value={only.id} />
          <p className="mb-4" id="sponsor-organizationId">
            {words.askingFor}
          </p>
          {error ? <p className="mb-4 font-bold text-destructive-strong">{error}</p> : null}
        </>
      ) : (
        <Field id="sponsor-organizationId" label={words.organization} hint={words.organizationHint} error={error} errorPrefix={words.errorPrefix}>
          <NativeSelect
            name="organizationId"
            defaultValue={valueOf(state.values, "organizationId") || organizations[0]?.id}
            {...fieldAria("sponsor-organizationId", { hint: words.organizationHint, error })}
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      )}
      <TextareaField state={state} id="sponsor-message" name="message" label={words.message} hint={words.messageHint} rows={3} maxLength={maxLength} />
      <Button type="submit" pending={pending} worksWithoutScript>
        {words.submit}
      </Button>
    </form>
  );
}

/** One button on one request or sponsorship: withdraw it, or accept or decline it. */
export function SponsorDecisionForm({
  sponsorId,
  intent,
  submit,
  context,
  testId,
  variant = "primary",
}: {
  sponsorId: string;
  intent: "withdraw" | "accept" | "decline";
  submit: string;
  /** Said after `submit` to screen readers only: which request the button answers. */
  context?: string;
  testId: string;
  variant?: "primary" | "secondary" | "destructive-secondary";
}) {
  const { state, pending, formProps } = useActionForm(sponsorDecisionAction, initialState());
  return (
    <form {...formProps} className="inline-block" data-testid={testId}>
      <FormProblems state={state} fields={[]} headingLevel="h3" className="mb-2" />
      <input type="hidden" name="sponsorId" value={sponsorId} />
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" pending={pending} worksWithoutScript variant={variant}>
        {submit}
        {context ? <span className="sr-only"> {context}</span> : null}
      </Button>
    </form>
  );
}
