"use client";

import type * as React from "react";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";

/**
 * "Send a new confirmation link" for an address the page already has (signing in unconfirmed, the
 * sign-up confirmation): one button, posting `intent=resend` to the page's own action; once sent,
 * `sent` in its place; a refusal (a rate limit) above it.
 */
export function ResendLinkForm({
  formProps,
  pending,
  email,
  label,
  sent,
  error,
}: {
  formProps: React.ComponentProps<"form">;
  pending: boolean;
  email: string;
  label: string;
  /** The confirmation once sent, or null. */
  sent: string | null;
  error: string | null;
}) {
  return (
    <div aria-live="polite" className="space-y-6">
      {sent ? (
        <Alert variant="info" role="status">
          <AlertDescription>{sent}</AlertDescription>
        </Alert>
      ) : (
        <>
          {error ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <form {...formProps}>
            <input type="hidden" name="intent" value="resend" />
            <input type="hidden" name="email" value={email} />
            <Button type="submit" variant="secondary" pending={pending} worksWithoutScript>
              {label}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
