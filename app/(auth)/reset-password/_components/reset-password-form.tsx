"use client";

import Link from "~/app/_components/link";
import { useTranslations } from "next-intl";
import { FormProblems, TextField, useActionForm } from "~/app/_components/action-form";
import { initialState } from "~/app/_components/action-state";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { resetPasswordAction } from "../../actions";

// The link itself is refused as BAD_REQUEST (unknown) or PRECONDITION_FAILED (used, expired).
const linkProblems = new Set(["BAD_REQUEST", "PRECONDITION_FAILED", "NOT_FOUND"]);

/** `linkError`: the page found the link incomplete before anything was sent. */
export function ResetPasswordForm({ token, linkError }: { token: string; linkError: boolean }) {
  const t = useTranslations("auth.resetPassword");
  const { state, pending, formProps } = useActionForm(resetPasswordAction, initialState());
  // A refusal about the link rather than the password: the link's message, and a way to a new one.
  const refusedLink = !state.fieldErrors.password && state.code && linkProblems.has(state.code) ? (state.fieldErrors.token ?? state.message) : null;

  if (linkError || refusedLink) {
    return (
      <>
        <PageHeader title={t("failedTitle")} />
        <Alert variant="destructive" role="alert" className="mb-8">
          <AlertDescription>{refusedLink ?? t("missingToken")}</AlertDescription>
        </Alert>
        <Link href="/forgot-password" className={buttonVariants()}>
          {t("requestNew")}
        </Link>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <form {...formProps} className="space-y-6">
        <FormProblems state={state} fields={["password"]} />
        <input type="hidden" name="token" value={token} />
        <TextField
          state={state}
          name="password"
          label={t("password")}
          hint={t("passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <Button type="submit" pending={pending} worksWithoutScript>
          {t("submit")}
        </Button>
      </form>
    </>
  );
}
