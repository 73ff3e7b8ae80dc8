"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { coauthorInput } from "~/server/schemas/norms";

interface PendingInvitation {
  id: string;
  email: string;
  createdAt: Date;
}

/**
 * The proposer's co-authors: remove one, see invitations waiting for an answer (by the address
 * typed) and cancel one, or invite someone by email. Nothing here says whether an address has an account.
 */
export function Coauthors({
  normId,
  coauthors,
  pendingInvitations,
}: {
  normId: string;
  coauthors: { userId: string; displayName: string }[];
  pendingInvitations: PendingInvitation[];
}) {
  const format = useFormatter();
  const t = useTranslations("normForm.coauthors");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const form = useZodForm(coauthorInput, { normId, email: "" });

  const add = useMutation(
    trpc.norms.inviteCoauthor.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: (invited) => {
        form.reset({ normId, email: "" });
        toast.success(t("added", { email: invited.email }));
        router.refresh();
      },
    }),
  );
  const cancel = useMutation(
    trpc.norms.cancelInvitation.mutationOptions({
      onError: (error) => setRemoveError(serverError(error).message),
      onSuccess: () => router.refresh(),
    }),
  );
  const remove = useMutation(
    trpc.norms.removeCoauthor.mutationOptions({
      onError: (error) => setRemoveError(serverError(error).message),
      onSuccess: () => router.refresh(),
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    add.mutate(values);
  });

  return (
    <section aria-labelledby="coauthors-title" className="mt-12 max-w-3xl border-t-2 border-border pt-8" data-testid="coauthors">
      <h2 id="coauthors-title" className="mb-3 text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mb-6 text-base sm:text-lg">{t("lead")}</p>
      {removeError ? (
        <Alert variant="destructive" role="alert" className="mb-6">
          <AlertDescription>{removeError}</AlertDescription>
        </Alert>
      ) : null}
      {coauthors.length ? (
        <ul aria-label={t("listLabel")} className="mb-8 divide-y divide-border border-y border-border">
          {coauthors.map((c) => (
            <li key={c.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span className="text-base font-semibold break-words sm:text-lg">{c.displayName}</span>
              <Button
                type="button"
                size="sm"
                variant="outline"
                pending={remove.isPending}
                onClick={() => {
                  setRemoveError(null);
                  remove.mutate(
                    { normId, userId: c.userId },
                    { onSuccess: () => toast.success(t("removed", { name: c.displayName })) },
                  );
                }}
              >
                {t("remove")}
                <span className="sr-only"> ({c.displayName})</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-8 text-base text-muted sm:text-lg">{t("none")}</p>
      )}

      <h3 className="mb-3 text-xl font-bold">{t("pendingTitle")}</h3>
      {pendingInvitations.length ? (
        <ul aria-label={t("pendingLabel")} className="mb-8 divide-y divide-border border-y border-border" data-testid="pending-invitations">
          {pendingInvitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span className="min-w-0 text-base break-all sm:text-lg">
                <span className="font-semibold">{invitation.email}</span>{" "}
                <span className="text-muted">{t("pendingSince", { date: format.dateTime(invitation.createdAt, { dateStyle: "long" }) })}</span>
              </span>
              <Button
                type="button"
                size="sm"
                variant="outline"
                pending={cancel.isPending}
                onClick={() => {
                  setRemoveError(null);
                  cancel.mutate(
                    { invitationId: invitation.id },
                    { onSuccess: () => toast.success(t("cancelled", { email: invitation.email })) },
                  );
                }}
              >
                {t("cancel")}
                <span className="sr-only"> ({invitation.email})</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-8 text-base text-muted sm:text-lg">{t("pendingNone")}</p>
      )}

      <h3 className="mb-4 text-xl font-bold">{t("addTitle")}</h3>
      <form method="post" onSubmit={onSubmit} noValidate>
        <FormErrors form={form} fields={["email"]} message={message} />
        <TextField
          form={form}
          name="email"
          label={t("email")}
          hint={t("emailHint")}
          type="email"
          autoComplete="off"
          spellCheck={false}
          className="max-w-md"
        />
        <Button type="submit" variant="secondary" pending={add.isPending}>
          {add.isPending ? t("adding") : t("add")}
        </Button>
      </form>
    </section>
  );
}
