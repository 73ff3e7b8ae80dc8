"use client";

import Link from "~/app/_components/link";
import { useTranslations } from "next-intl";
import { startTransition, useEffect, useRef } from "react";
import { FormProblems, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { type VerifyEmailOutcome, verifyEmailAction } from "../../actions";
import { ConfirmationPanel } from "../../_components/confirmation-panel";

/**
 * Confirms the address from the emailed link. The page's script sends the link's token as soon as
 * it runs (the page's GET changes nothing, so a mail scanner that fetches links does not use it
 * up); without script, a button sends it.
 */
export function VerifyEmail({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmail");
  const { state, pending, formProps } = useActionForm(verifyEmailAction, initialState<VerifyEmailOutcome>());
  const { action: dispatch } = formProps;
  // A link works once: React's strict mode runs effects twice in development, so guard the call.
  // Not again once answered (a page rendered after a post without script).
  const started = useRef(false);
  const answered = state.n > 0;
  useEffect(() => {
    if (started.current || !token || answered) return;
    started.current = true;
    const formData = new FormData();
    formData.set("intent", "verify");
    formData.set("token", token);
    startTransition(() => dispatch(formData));
  }, [token, dispatch, answered]);

  if (state.done?.verified) {
    return (
      <>
        <ConfirmationPanel title={t("successTitle")} />
        <p className="mb-6">{t("successText")}</p>
        <Link href="/sign-in?notice=verified" className={buttonVariants()}>
          {t("signIn")}
        </Link>
      </>
    );
  }

  if (token && !answered) {
    return (
      <>
        <PageHeader title={t("title")} />
        <form {...formProps}>
          <input type="hidden" name="intent" value="verify" />
          <input type="hidden" name="token" value={token} />
          <p role="status" className="mb-6">
            {t("checking")}
          </p>
          {/* Without script, the visitor sends the link themselves. */}
          <noscript>
            <Button type="submit" worksWithoutScript>
              {t("confirm")}
            </Button>
          </noscript>
        </form>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("failedTitle")} />
      <Alert variant="destructive" role="alert" className="mb-8">
        <AlertDescription>{state.done?.linkProblem ?? t("missingToken")}</AlertDescription>
      </Alert>
      <section aria-labelledby="new-link-title">
        <h2 id="new-link-title" className="mb-4 text-2xl font-bold">
          {t("newLinkTitle")}
        </h2>
        {state.done?.sent ? (
          <Alert variant="info" role="status">
            <AlertDescription>{t("sent")}</AlertDescription>
          </Alert>
        ) : (
          <form {...formProps} className="space-y-6">
            <input type="hidden" name="intent" value="resend" />
            <p>{t("newLinkText")}</p>
            <FormProblems state={state} fields={["email"]} />
            <TextField state={state} name="email" label={t("email")} type="email" autoComplete="email" spellCheck={false} />
            <Button type="submit" pending={pending} worksWithoutScript>
              {t("submit")}
            </Button>
          </form>
        )}
      </section>
    </>
  );
}
