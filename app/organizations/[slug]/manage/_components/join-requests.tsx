"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "~/app/_components/ui/button";
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";

interface JoinRequest {
  id: string;
  message: string;
  createdAt: Date;
  userId: string;
  displayName: string;
  email: string;
}

/** Pending requests to join, for a representative to approve or decline. */
export function JoinRequests({ organizationId, requests }: { organizationId: string; requests: JoinRequest[] }) {
  const t = useTranslations("organizations.manage");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useMutation(
    trpc.organizations.decideJoinRequest.mutationOptions({
      onError: (error) => {
        toast.error(serverError(error).message);
        router.refresh();
      },
      onSuccess: (result, input) => {
        const name = requests.find((r) => r.id === input.requestId)?.displayName ?? "";
        toast.success(result.decision === "approve" ? t("approved", { name }) : t("declined", { name }));
        router.refresh();
      },
    }),
  );

  if (requests.length === 0) return <p>{t("requestsEmpty")}</p>;
  return (
    <ul className="border-t border-border">
      {requests.map((r) => (
        <li key={r.id} className="border-b border-border py-5">
          <p className="font-bold">{r.displayName}</p>
          <p className="break-all text-muted">{r.email}</p>
          <p className="text-muted">{t("askedOn", { date: format.dateTime(r.createdAt, { dateStyle: "long" }) })}</p>
          {r.message ? (
            <blockquote className="mt-3 max-w-2xl border-s-8 border-border py-1 ps-4 whitespace-pre-line">{r.message}</blockquote>
          ) : (
            <p className="mt-3 text-muted">{t("noMessage")}</p>
          )}
          <div className="mt-4 flex flex-wrap gap-3">
            <Button
              type="button"
              size="sm"
              pending={decide.isPending}
              aria-label={t("approveLabel", { name: r.displayName })}
              onClick={() => decide.mutate({ organizationId, requestId: r.id, decision: "approve" })}
            >
              {t("approve")}
            </Button>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              pending={decide.isPending}
              aria-label={t("declineLabel", { name: r.displayName })}
              onClick={() => decide.mutate({ organizationId, requestId: r.id, decision: "decline" })}
            >
              {t("decline")}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
