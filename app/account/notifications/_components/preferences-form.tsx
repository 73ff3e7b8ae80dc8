"use client";

// Mail choices (../actions.ts): for each category a radio group of rhythms and one Save button. A
// server-action form that works before the page's script has loaded and without it; the words come
// from the page. After saving, the form stays as saved and says so.
import { useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { radioClass } from "~/app/_components/prefixed-fields";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { ChoiceFieldset } from "~/app/_components/ui/field";
import { savePreferencesAction } from "../actions";

export interface PreferenceGroup {
  category: string;
  legend: string;
  hint: string;
  value: string;
}

export function PreferencesForm({
  groups,
  rhythms,
  words,
}: {
  groups: readonly PreferenceGroup[];
  rhythms: readonly { value: string; label: string }[];
  words: { save: string; saved: string; savedTitle: string; errorPrefix: string };
}) {
  const initial = Object.fromEntries(groups.map((g) => [`rhythm-${g.category}`, g.value]));
  const { state, pending, formProps } = useActionForm(savePreferencesAction, initialState(initial));
  const problem = state.message ?? (Object.values(state.fieldErrors)[0] || null);
  return (
    <form {...formProps} data-testid="mail-preferences">
      {state.done ? (
        <Alert variant="success" role="status" className="mb-6" key={state.n} data-testid="preferences-saved">
          <AlertTitle>{words.savedTitle}</AlertTitle>
          <AlertDescription>{words.saved}</AlertDescription>
        </Alert>
      ) : null}
      {problem ? (
        <Alert variant="destructive" role="alert" className="mb-6">
          <AlertDescription>{problem}</AlertDescription>
        </Alert>
      ) : null}
      {groups.map((g) => {
        const name = `rhythm-${g.category}`;
        const chosen = valueOf(state.values, name) || g.value;
        return (
          <ChoiceFieldset key={g.category} id={name} legend={g.legend} hint={g.hint} errorPrefix={words.errorPrefix}>
            <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-x-6">
              {rhythms.map((r, i) => {
                const id = i === 0 ? name : `${name}-${r.value}`;
                return (
                  <div key={r.value} className="flex items-center gap-3">
                    <input type="radio" id={id} name={name} value={r.value} defaultChecked={chosen === r.value} className={radioClass} />
                    <label htmlFor={id} className="cursor-pointer">
                      {r.label}
                    </label>
                  </div>
                );
              })}
            </div>
          </ChoiceFieldset>
        );
      })}
      <Button type="submit" worksWithoutScript pending={pending}>
        {words.save}
      </Button>
    </form>
  );
}
