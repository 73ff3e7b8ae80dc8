"use client";

import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/app/_components/ui/dialog";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { DialogActions } from "~/app/_components/dialog-actions";

export function SignOutEverywhere() {
  const t = useTranslations("account.signOutEverywhere");
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      // This session has ended too; a full load shows the signed-out header.
      onSuccess: () => window.location.assign("/sign-in?notice=signedOutEverywhere"),
    }),
  );

  return (
    <Dialog onOpenChange={(open) => !open && signOut.reset()}>
      <DialogTrigger asChild>
        <Button variant="secondary">{t("button")}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("confirmTitle")}</DialogTitle>
          <DialogDescription>{t("confirmText")}</DialogDescription>
        </DialogHeader>
        {signOut.isError ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{serverError(signOut.error).message}</AlertDescription>
          </Alert>
        ) : null}
        <DialogActions>
          <Button variant="destructive" pending={signOut.isPending} disabled={signOut.isSuccess} onClick={() => signOut.mutate()}>
            {t("confirm")}
          </Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
