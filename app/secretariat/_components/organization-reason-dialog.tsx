"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "~/app/_components/ui/toaster";
import { FormErrors, TextareaField, useFormDialog } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/app/_components/ui/dialog";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { rejectInput } from "~/server/schemas/organizations";
import { DialogActions } from "~/app/_components/dialog-actions";

const rejectKeys = {
  open: "verification.reject",
  named: "verification.rejectNamed",
  title: "verification.rejectTitle",
  description: "verification.rejectDescription",
  reason: "verification.rejectReason",
  hint: "verification.rejectHint",
  submit: "verification.rejectSubmit",
  done: "verification.rejected",
} as const;
const revokeKeys = {
  open: "organizations.revoke",
  named: "organizations.revokeNamed",
  title: "organizations.revokeTitle",
  description: "organizations.revokeDescription",
  reason: "organizations.revokeReason",
  hint: "organizations.revokeHint",
  submit: "organizations.revokeSubmit",
  done: "organizations.revoked",
} as const;

/** Rejecting a registration or revoking a verification: both need a reason the organisation will see. */
export function OrganizationReasonDialog({
  organizationId,
  name,
  mode,
}: {
  organizationId: string;
  name: string;
  mode: "reject" | "revoke";
}) {
  const t = useTranslations("secretariat");
  const k = mode === "reject" ? rejectKeys : revokeKeys;
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useFormDialog(rejectInput, { organizationId, reason: "" });
  const { form, message } = dialog;
  const options = {
    onSuccess: () => {
      dialog.close();
      toast.success(t(k.done, { name }));
      router.refresh();
    },
    onError: dialog.fail,
  };
  const reject = useMutation(trpc.verification.reject.mutationOptions(options));
  const revoke = useMutation(trpc.verification.revoke.mutationOptions(options));
  const mutation = mode === "reject" ? reject : revoke;

  const onSubmit = dialog.submit((values) => {
    mutation.mutate(values);
  });

  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant="secondary" aria-label={t(k.named, { name })}>
          {t(k.open)}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{t(k.title, { name })}</DialogTitle>
          <DialogDescription>{t(k.description)}</DialogDescription>
        </DialogHeader>
        <form method="post" onSubmit={onSubmit} noValidate>
          <FormErrors form={form} fields={["reason"]} message={message} />
          <TextareaField
            form={form}
            name="reason"
            label={t(k.reason)}
            hint={t(k.hint)}
            rows={4}
          />
          <DialogActions>
            <Button type="submit" variant="destructive" pending={mutation.isPending}>
              {t(k.submit)}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
