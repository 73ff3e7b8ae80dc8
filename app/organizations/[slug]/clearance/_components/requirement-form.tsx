"use client";

// The organisation's countersignature setting, on its manage page. A server-action form
// (../actions.ts): it works before the page's script has loaded, and without it.
import { useTranslations } from "next-intl";
import { useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { setRequirementAction } from "../actions";

const checkboxClass =
  "m-0 size-7 shrink-0 cursor-pointer appearance-none border-2 border-foreground bg-background checked:bg-foreground checked:shadow-[inset_0_0_0_5px_var(--color-background)] focus-visible:outline-offset-0 focus-visible:shadow-[0_0_0_5px_var(--color-foreground),inset_0_0_0_5px_var(--color-background)]";

export function RequirementForm({ organizationId, slug, required }: { organizationId: string; slug: string; required: boolean }) {
  const t = useTranslations("clearance.setting");
  const { state, pending, formProps } = useActionForm(setRequirementAction, initialState<{ required: boolean }>());
  const current = state.done ? state.done.required : required;
  return (
    <form {...formProps} data-testid="countersignature-setting">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="slug" value={slug} />
      {state.done ? (
        <Alert variant="success" role="status" className="mb-4">
          <AlertDescription>
            {t("saved")} {current ? t("on") : t("off")}
          </AlertDescription>
        </Alert>
      ) : null}
      {state.message ? (
        <Alert variant="destructive" role="alert" className="mb-4">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="mb-6 flex items-start gap-3">
        <input type="checkbox" id="require-countersignature" name="required" defaultChecked={current} className={checkboxClass} />
        <label htmlFor="require-countersignature" className="min-w-0 cursor-pointer pt-0.5">
          {t("label")}
        </label>
      </div>
      <Button type="submit" variant="secondary" pending={pending} worksWithoutScript>
        {t("save")}
      </Button>
    </form>
  );
}
