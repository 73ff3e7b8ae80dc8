"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "~/app/_components/ui/button";
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";

export function WithdrawRequestButton({ requestId, organizationName }: { requestId: string; organizationName: string }) {
  const t = useTranslations("organizations.membership");
  const tm = useTranslations("organizations.mine");
  const trpc = useTRPC();
  const router = useRouter();
  const withdraw = useMutation(
    trpc.organizations.withdrawJoinRequest.mutationOptions({
      onError: (error) => toast.error(serverError(error).message),
      onSuccess: () => {
        toast.success(t("withdrawn"));
        router.refresh();
      },
    }),
  );
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      pending={withdraw.isPending}
      aria-label={tm("withdrawLabel", { name: organizationName })}
      onClick={() => withdraw.mutate({ requestId })}
    >
      {t("withdraw")}
    </Button>
  );
}
