"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { applyServerError, FormErrors, TextareaField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "~/app/_components/ui/dialog";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { decideAppealInput } from "~/server/schemas/users";
import { DialogActions } from "~/app/_components/dialog-actions";

type Decision = "uphold" | "lift";

/** "Uphold" and "Lift" each open the same dialog, which asks for the note the person will read. */
export function DecideAppeal({ appealId, name }: { appealId: string; name: string }) {
  const t = useTranslations("secretariat.appeals");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Two buttons open one dialog; focus goes back to whichever opened it.
  const opener = useRef<HTMLButtonElement | null>(null);
  const form = useZodForm(decideAppealInput, { appealId, decision: "uphold", note: "" });
  const decide = useMutation(
    trpc.users.decideAppeal.mutationOptions({
      onSuccess: (result) => {
        setDecision(null);
        toast.success(t(result.decision === "lift" ? "lifted" : "upheld", { name }));
        router.refresh();
      },
      onError: (e) => setMessage(applyServerError(form, e)),
    }),
  );
  const openWith = (d: Decision, button: HTMLButtonElement) => {
    opener.current = button;
    form.reset({ appealId, decision: d, note: "" });
    setMessage(null);
    setDecision(d);
  };
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    decide.mutate(values);
  });

  return (
    <>
      <div className="flex flex-wrap gap-4">
        <Button type="button" variant="secondary" aria-label={t("upholdNamed", { name })} onClick={(e) => openWith("uphold", e.currentTarget)}>
          {t("uphold")}
        </Button>
        <Button type="button" aria-label={t("liftNamed", { name })} onClick={(e) => openWith("lift", e.currentTarget)}>
          {t("lift")}
        </Button>
      </div>
      <Dialog open={decision !== null} onOpenChange={(open) => (open ? null : setDecision(null))}>
        <DialogContent
          closeLabel={tc("close")}
          onCloseAutoFocus={(e) => {
            if (opener.current?.isConnected) {
              e.preventDefault();
              opener.current.focus();
            }
          }}
        >
          <DialogHeader>
            <DialogTitle>{t(decision === "lift" ? "liftTitle" : "upholdTitle", { name })}</DialogTitle>
            <DialogDescription>{t(decision === "lift" ? "liftDescription" : "upholdDescription")}</DialogDescription>
          </DialogHeader>
          <form method="post" onSubmit={onSubmit} noValidate>
            <FormErrors form={form} fields={["note"]} message={message} />
            <TextareaField form={form} name="note" label={t("note")} hint={t("noteHint")} rows={4} />
            <DialogActions>
              <Button type="submit" pending={decide.isPending}>
                {t(decision === "lift" ? "liftSubmit" : "upholdSubmit")}
              </Button>
            </DialogActions>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
