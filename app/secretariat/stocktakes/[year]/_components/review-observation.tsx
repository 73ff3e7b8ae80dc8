"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { FormErrors, TextareaField, useFormDialog } from "~/app/_components/form";
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
import { reviewObservationInput } from "~/server/schemas/stocktakes";
import { DialogActions } from "~/app/_components/dialog-actions";

/** Accept (at once) or reject (with the reason its reporter will read) one observation awaiting review. */
export function ReviewObservation({ observationId, title }: { observationId: string; title: string }) {
  const t = useTranslations("stocktakeAdmin.review");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const dialog = useFormDialog(reviewObservationInput, { observationId, decision: "reject", note: "" });
  const review = useMutation(
    trpc.stocktakes.reviewObservation.mutationOptions({
      onSuccess: (result) => {
        dialog.close();
        toast.success(t(result.status === "accepted" ? "accepted" : result.status === "rejected" ? "rejected" : result.needsThird ? "recordedNeedsThird" : "recorded", { title }));
        router.refresh();
      },
      onError: (error, input) => {
        if (input.decision === "reject") dialog.fail(error);
        else setAcceptError(serverError(error).message);
      },
    }),
  );
  return (
    <div>
      {acceptError ? (
        <Alert variant="destructive" role="alert" className="mb-4">
          <AlertDescription>{acceptError}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-4">
        <Button
          type="button"
          aria-label={t("acceptNamed", { title })}
          pending={review.isPending}
          onClick={() => {
            setAcceptError(null);
            review.mutate({ observationId, decision: "accept", note: "" });
          }}
        >
          {t("accept")}
        </Button>
        <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
          <DialogTrigger asChild>
            <Button type="button" variant="secondary" aria-label={t("rejectNamed", { title })}>
              {t("reject")}
            </Button>
          </DialogTrigger>
          <DialogContent closeLabel={tc("close")}>
            <DialogHeader>
              <DialogTitle>{t("rejectTitle", { title })}</DialogTitle>
              <DialogDescription>{t("rejectDescription")}</DialogDescription>
            </DialogHeader>
            <form method="post" noValidate onSubmit={dialog.submit((values) => review.mutate(values))}>
              <FormErrors form={dialog.form} fields={["note"]} message={dialog.message} />
              <TextareaField form={dialog.form} name="note" label={t("reason")} hint={t("reasonHint")} rows={5} aria-required="true" />
              <DialogActions>
                <Button type="submit" variant="destructive" pending={review.isPending}>
                  {t("rejectSubmit")}
                </Button>
              </DialogActions>
            </form>
          </DialogContent>
        </Dialog>
      </div>
    </div>
  );
}
