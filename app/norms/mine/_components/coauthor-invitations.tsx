"use client";

import { useRouter } from "next/navigation";
import { localizePath } from "~/server/i18n/paths";
import { useFormatter, useTranslations, useLocale } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";

interface Invitation {
  id: string;
  normTitle: string;
  proposerName: string;
  createdAt: Date;
}

/** Invitations to co-author, sent to this person's address: the title and who invited them; accept or decline. */
export function CoauthorInvitations({ invitations }: { invitations: Invitation[] }) {
  const t = useTranslations("norms.invitations");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const respond = useMutation(
    trpc.norms.respondToInvitation.mutationOptions({
      onError: (e) => setError(serverError(e).message),
      onSuccess: (result) => {
        if (result.accepted && result.slug) {
          toast.success(t("accepted"));
          router.push(localizePath(`/norms/${result.slug}`, locale));
        } else {
          toast.success(t("declined"));
        }
        router.refresh();
      },
    }),
  );

  return (
    <section id="invitations" aria-labelledby="invitations-heading" className="mb-12 scroll-mt-6">
      <h2 id="invitations-heading" className="mb-4 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-4 max-w-[42rem]">{t("lead")}</p>
      {error ? (
        <Alert variant="destructive" role="alert" className="mb-4">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <ul className="border-t border-border" aria-labelledby="invitations-heading" data-testid="coauthor-invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="border-b border-border py-5">
            <p className="mb-1 text-lg font-bold break-words sm:text-xl">{invitation.normTitle}</p>
            <p className="mb-3 text-base text-muted sm:text-lg">
              {t("from", { name: invitation.proposerName, date: format.dateTime(invitation.createdAt, { dateStyle: "long" }) })}
            </p>
            <div className="flex flex-wrap gap-3">
              <Button
                type="button"
                pending={respond.isPending}
                onClick={() => {
                  setError(null);
                  respond.mutate({ invitationId: invitation.id, accept: true });
                }}
              >
                {t("accept")}
                <span className="sr-only"> ({invitation.normTitle})</span>
              </Button>
              <Button
                type="button"
                variant="secondary"
                pending={respond.isPending}
                onClick={() => {
                  setError(null);
                  respond.mutate({ invitationId: invitation.id, accept: false });
                }}
              >
                {t("decline")}
                <span className="sr-only"> ({invitation.normTitle})</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
