"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "~/app/_components/ui/toaster";
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

/** Closes the submission window before its end date, after a confirmation: it cannot be reopened. */
export function CloseWindow({ year }: { year: number }) {
  const t = useTranslations("stocktakeAdmin.window");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const close = useMutation(
    trpc.stocktakes.close.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast.success(t("closed", { year }));
        router.refresh();
      },
      onError: (error) => setMessage(serverError(error).message),
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setMessage(null);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="secondary">
          {t("close")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{t("confirmTitle", { year })}</DialogTitle>
          <DialogDescription>{t("confirmDescription")}</DialogDescription>
        </DialogHeader>
        {message ? (
          <Alert variant="destructive" role="alert" className="mb-6">
            <AlertDescription>{message}</AlertDescription>
          </Alert>
        ) : null}
        <DialogActions>
          <Button type="button" variant="destructive" pending={close.isPending} onClick={() => close.mutate({ year })}>
            {t("confirm")}
          </Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
