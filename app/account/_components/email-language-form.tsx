"use client";

// The language of the person's mail (users.locale): a native select of the six languages, each
// named in itself, and a save button. A server-action form (app/account/actions.ts): it works
// before the page's script has loaded, and without it. The words come from the page.
import { FormProblems, useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { LANGUAGE_NAMES, LANGUAGE_TAGS, LOCALES, type Locale } from "~/server/i18n/locales";
import { setLocaleAction } from "../actions";

export interface EmailLanguageWords {
  label: string;
  hint: string;
  submit: string;
  saved: string;
  errorPrefix: string;
}

export function EmailLanguageForm({ locale, words }: { locale: Locale; words: EmailLanguageWords }) {
  const { state, pending, formProps } = useActionForm(setLocaleAction, initialState<{ locale: Locale }>({ locale }));
  const error = state.fieldErrors.locale;
  return (
    <form {...formProps} className="max-w-xl space-y-6" data-testid="email-language">
      {state.done ? (
        <Alert variant="success" role="status">
          <AlertDescription>{words.saved}</AlertDescription>
        </Alert>
      ) : null}
      <FormProblems state={state} fields={["locale"]} prefix="email" />
      <Field id="email-locale" label={words.label} hint={words.hint} error={error} errorPrefix={words.errorPrefix}>
        <NativeSelect name="locale" defaultValue={valueOf(state.values, "locale") || locale} {...fieldAria("email-locale", { hint: words.hint, error })}>
          {LOCALES.map((code) => (
            // Each language in itself, marked as such for screen readers.
            <option key={code} value={code} lang={LANGUAGE_TAGS[code]}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Button type="submit" pending={pending} worksWithoutScript>
        {words.submit}
      </Button>
    </form>
  );
}
