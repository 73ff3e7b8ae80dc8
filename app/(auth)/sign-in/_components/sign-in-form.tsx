"use client";

import Link from "~/app/_components/link";
import { useTranslations } from "next-intl";
import { FormProblems, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { Button } from "~/app/_components/ui/button";
import { type SignInOutcome, signInAction } from "../../actions";
import { ResendLinkForm } from "../../_components/resend-link-form";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth.signIn");
  const { state, pending, sending, formProps } = useActionForm(signInAction, initialState<SignInOutcome>());

  return (
    <div className="space-y-6">
      <FormProblems state={state} fields={["email", "password"]} />
      {state.done?.unverified ? (
        // Its own form (forms do not nest), for the address just typed.
        <ResendLinkForm
          formProps={formProps}
          pending={sending("resend")}
          email={valueOf(state.values, "email")}
          label={t("resend")}
          sent={state.done.resent ? t("resent") : null}
          error={null}
        />
      ) : null}
      <form {...formProps} className="space-y-6">
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextField state={state} name="email" label={t("email")} type="email" autoComplete="email" spellCheck={false} />
        <TextField state={state} name="password" label={t("password")} type="password" autoComplete="current-password" />
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit" pending={pending && !sending("resend")} worksWithoutScript>
            {t("submit")}
          </Button>
          <Link href="/forgot-password">{t("forgot")}</Link>
        </div>
        <p>
          {t("noAccount")} <Link href="/sign-up">{t("signUp")}</Link>
        </p>
      </form>
    </div>
  );
}
