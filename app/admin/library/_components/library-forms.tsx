"use client";

// The admin's forms for the growing library (app/admin/library/actions.ts): server-action forms
// that work before the page's script has loaded. Their words come from the page (server-rendered).
import { ChoiceGroup, FormProblems, TextareaField, TextField, useActionForm } from "~/app/_components/action-form";
import { type ActionState, initialState, valueOf } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { addDocumentAction, addForumAction, addNormAction } from "../actions";
import { documentFields, forumFields, normFields } from "../form-fields";

type Labels = Record<string, string>;
type Option = { value: string; label: string };

function SelectField({ state, id, name, label, hint, options, errorPrefix }: { state: ActionState<unknown>; id: string; name: string; label: string; hint?: string; options: Option[]; errorPrefix: string }) {
  const error = state.fieldErrors[name];
  return (
    <Field id={id} label={label} hint={hint} error={error} errorPrefix={errorPrefix}>
      <NativeSelect name={name} defaultValue={valueOf(state.values, name)} {...fieldAria(id, { hint, error })} className="w-full sm:w-auto">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}

function Saved({ message, testId }: { message: string; testId: string }) {
  return (
    <Alert variant="success" role="status" className="mb-6" data-testid={testId}>
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}

export function AddDocumentForm({ labels, statuses, authorKinds }: { labels: Labels; statuses: Option[]; authorKinds: Option[] }) {
  const { state, pending, formProps } = useActionForm(addDocumentAction, initialState<{ key: string }>({ status: "political", authorKind: "intergovernmental" }));
  return (
    <form key={state.done ? state.n : 0} {...formProps} className="max-w-[42rem]" data-testid="add-document">
      {state.done ? <Saved message={labels.saved!.replace("{key}", state.done.key)} testId="document-saved" /> : null}
      <FormProblems state={state} prefix="doc" fields={documentFields} headingLevel="h3" className="mb-6" />
      <TextField state={state} id="doc-key" name="key" label={labels.key} hint={labels.keyHint} autoComplete="off" className="w-64" />
      <TextField state={state} id="doc-title" name="title" label={labels.title} autoComplete="off" />
      <TextField state={state} id="doc-issuer" name="issuer" label={labels.issuer} autoComplete="off" />
      <TextField state={state} id="doc-date" name="date" label={labels.date} hint={labels.dateHint} autoComplete="off" className="w-48" />
      <TextField state={state} id="doc-reference" name="reference" label={labels.reference} hint={labels.referenceHint} autoComplete="off" />
      <SelectField state={state} id="doc-status" name="status" label={labels.status!} options={statuses} errorPrefix={labels.errorPrefix!} />
      <SelectField state={state} id="doc-authorKind" name="authorKind" label={labels.authorKind!} options={authorKinds} errorPrefix={labels.errorPrefix!} />
      <TextField state={state} id="doc-url" name="url" label={labels.url} hint={labels.urlHint} type="url" autoComplete="off" />
      <Button type="submit" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}

export function AddNormForm({ labels, documents, categories }: { labels: Labels; documents: Option[]; categories: Option[] }) {
  const { state, pending, formProps } = useActionForm(addNormAction, initialState<{ id: string }>({ documentKey: documents[0]?.value ?? "" }));
  const chosen = state.values.categories;
  const checked = (code: string) => Array.isArray(chosen) && chosen.includes(code);
  const categoriesError = state.fieldErrors.categories;
  return (
    <form key={state.done ? state.n : 0} {...formProps} className="max-w-[42rem]" data-testid="add-norm">
      {state.done ? <Saved message={labels.saved!.replace("{id}", state.done.id)} testId="norm-saved" /> : null}
      <FormProblems state={state} prefix="norm" fields={normFields} headingLevel="h3" className="mb-6" />
      <SelectField state={state} id="norm-documentKey" name="documentKey" label={labels.documentKey!} options={documents} errorPrefix={labels.errorPrefix!} />
      <TextField state={state} id="norm-label" name="label" label={labels.label} hint={labels.labelHint} autoComplete="off" className="w-40" />
      <TextField state={state} id="norm-display" name="display" label={labels.display} hint={labels.displayHint} autoComplete="off" />
      <TextareaField state={state} id="norm-text" name="text" label={labels.text} hint={labels.textHint} rows={5} maxLength={5000} />
      <ChoiceGroup state={state} id="norm-categories" name="categories" legend={labels.categories} hint={labels.categoriesHint}>
        <div className="flex flex-col gap-3">
          {categories.map((c, i) => (
            <div key={c.value} className="flex items-center gap-3">
              <input
                type="checkbox"
                id={i === 0 ? "norm-categories" : `norm-categories-${c.value}`}
                name="categories"
                value={c.value}
                defaultChecked={checked(c.value)}
                aria-invalid={categoriesError ? true : undefined}
                className="size-6 shrink-0 accent-primary"
              />
              <label htmlFor={i === 0 ? "norm-categories" : `norm-categories-${c.value}`} className="cursor-pointer">
                {c.label}
              </label>
            </div>
          ))}
        </div>
      </ChoiceGroup>
      <Button type="submit" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}

export function AddForumForm({ labels, kinds, normTypes }: { labels: Labels; kinds: Option[]; normTypes: Option[] }) {
  const { state, pending, formProps } = useActionForm(addForumAction, initialState<{ id: string }>({ kind: "global", normType: "political" }));
  return (
    <form key={state.done ? state.n : 0} {...formProps} className="max-w-[42rem]" data-testid="add-forum">
      {state.done ? <Saved message={labels.saved!.replace("{id}", state.done.id)} testId="forum-saved" /> : null}
      <FormProblems state={state} prefix="forum" fields={forumFields} headingLevel="h3" className="mb-6" />
      <TextField state={state} id="forum-id" name="id" label={labels.key} hint={labels.keyHint} autoComplete="off" className="w-64" />
      <TextField state={state} id="forum-name" name="name" label={labels.name} autoComplete="off" />
      <SelectField state={state} id="forum-kind" name="kind" label={labels.kind!} options={kinds} errorPrefix={labels.errorPrefix!} />
      <TextField state={state} id="forum-date" name="date" label={labels.date} hint={labels.dateHint} autoComplete="off" className="w-48" />
      <TextField state={state} id="forum-parties" name="parties" label={labels.parties} hint={labels.partiesHint} autoComplete="off" />
      <SelectField state={state} id="forum-normType" name="normType" label={labels.normType!} options={normTypes} errorPrefix={labels.errorPrefix!} />
      <TextareaField state={state} id="forum-summary" name="summary" label={labels.summary} hint={labels.summaryHint} rows={3} maxLength={1000} />
      <TextField state={state} id="forum-reference" name="reference" label={labels.reference} autoComplete="off" />
      <TextField state={state} id="forum-url" name="url" label={labels.url} hint={labels.urlHint} type="url" autoComplete="off" />
      <Button type="submit" pending={pending} worksWithoutScript>
        {labels.submit}
      </Button>
    </form>
  );
}
