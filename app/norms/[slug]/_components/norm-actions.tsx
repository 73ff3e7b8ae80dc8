"use client";

import Link from "~/app/_components/link";
import { useRouter } from "next/navigation";
import { localizePath } from "~/server/i18n/paths";
import { useTranslations, useLocale } from "next-intl";
import { z } from "zod";
import { FormErrors, TextareaField, TextField, useFormDialog } from "~/app/_components/form";
import { Button, buttonVariants, type ButtonProps } from "~/app/_components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/app/_components/ui/dialog";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { mergeInput, secretariatTransitionInput, transitionInput } from "~/server/schemas/norms";
import { extendStageInput } from "~/server/schemas/process";
import { DialogActions } from "~/app/_components/dialog-actions";

type SecretariatTransition = "openEndorsement" | "returnToConsultation" | "conclude";

export interface NormViewer {
  role: "proposer" | "coauthor" | null;
  canRevise: boolean;
  canSubmit: boolean;
  canWithdraw: boolean;
  transitions: SecretariatTransition[];
  canMerge: boolean;
  /** The secretariat may move the timed stage's closing date later. */
  canExtend: boolean;
}

/** The secretariat's move whose published criteria are not all met now: made only as an override. */
export type UnmetMove = "openEndorsement" | "conclude" | null;

/** What the reader may do with this norm now; the server decided, and checks again. */
export function NormActions({
  normId,
  slug,
  title,
  isPublic,
  viewer,
  unmetMove = null,
}: {
  normId: string;
  slug: string;
  title: string;
  /** Whether the norm was ever submitted: withdrawing it then keeps it public, otherwise private. */
  isPublic: boolean;
  viewer: NormViewer;
  unmetMove?: UnmetMove;
}) {
  const t = useTranslations("norms.actions");
  const authorActions = viewer.canRevise || viewer.canSubmit || viewer.canWithdraw;
  const staffActions = viewer.transitions.length > 0 || viewer.canMerge || viewer.canExtend;
  if (!authorActions && !staffActions) return null;
  return (
    <section aria-labelledby="actions-heading" className="border-t-4 border-primary pt-4">
      <h2 id="actions-heading" className="mb-4 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      {authorActions ? (
        <div className="mb-6">
          <p className="mb-4">{viewer.role === "proposer" ? t("youPropose") : t("youCoauthor")}</p>
          <div className="flex flex-col items-start gap-3">
            {/* One primary action: on a draft, submitting is the next step; otherwise revising.
                Withdrawing is never the next step: destructive, but secondary. */}
            {viewer.canSubmit ? <TransitionDialog normId={normId} title={title} action="submit" variant="default" /> : null}
            {viewer.canRevise ? (
              <Link
                href={`/norms/${slug}/edit`}
                className={buttonVariants({ variant: viewer.canSubmit ? "secondary" : "default" })}
                data-variant={viewer.canSubmit ? "secondary" : "default"}
              >
            {t("revise")}
          </Link>
        ) : null}
        {viewer.canWithdraw ? (
          <TransitionDialog normId={normId} title={title} action="withdraw" isPublic={isPublic} variant="destructive-secondary" />
        ) : null}
      </div>
        </div>
      ) : null}
      {staffActions ? (
        <div>
      <h3 className="mb-3 text-lg font-bold">{t("secretariatTitle")}</h3>
      <div className="flex flex-col items-start gap-3">
        {viewer.transitions.map((tr) => (
          <MoveDialog key={tr} normId={normId} title={title} action={tr} unmet={unmetMove === tr} variant={tr === "openEndorsement" ? "default" : "secondary"} />
        ))}
        {viewer.canExtend ? <ExtendDialog normId={normId} title={title} /> : null}
        {viewer.canMerge ? <MergeDialog normId={normId} title={title} /> : null}
      </div>
        </div>
      ) : null}
    </section>
  );
}

type AuthorAction = "submit" | "withdraw";

/** The proposer submits or withdraws, with an optional note for the timeline. */
function TransitionDialog({
  normId,
  title,
  action,
  isPublic = true,
  variant = "secondary",
}: {
  normId: string;
  title: string;
  action: AuthorAction;
  isPublic?: boolean;
  variant?: ButtonProps["variant"];
}) {
  const t = useTranslations("norms.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useFormDialog(transitionInput, { normId, note: "" });
  // Withdrawing a norm never submitted keeps it private; the dialog says which will happen.
  const privateWithdrawal = action === "withdraw" && !isPublic;
  const { form, message } = dialog;
  const options = {
    onSuccess: () => {
      dialog.close();
      toast.success(t(privateWithdrawal ? "withdraw.donePrivate" : `${action}.done`));
      router.refresh();
    },
    onError: dialog.fail,
  };
  const submit = useMutation(trpc.norms.submit.mutationOptions(options));
  const withdraw = useMutation(trpc.norms.withdraw.mutationOptions(options));
  const pending = submit.isPending || withdraw.isPending;

  const onSubmit = dialog.submit((values) => {
    if (action === "submit") submit.mutate(values);
    else withdraw.mutate(values);
  });

  return (
    <FormDialog
      dialog={dialog}
      openLabel={t(`${action}.open`)}
      openVariant={variant}
      title={t(`${action}.title`, { title })}
      description={t(privateWithdrawal ? "withdraw.descriptionPrivate" : `${action}.description`)}
      onSubmit={onSubmit}
      confirmLabel={t(`${action}.confirm`)}
      confirmVariant={action === "withdraw" ? "destructive" : "default"}
      pending={pending}
    >
      <FormErrors form={form} fields={["note"]} message={message} />
      <TextareaField form={form} name="note" label={t("note")} hint={t(privateWithdrawal ? "withdraw.noteHintPrivate" : `${action}.noteHint`)} rows={3} />
    </FormDialog>
  );
}

// A move into a timed stage may set the stage's last day; empty keeps the published default.
const startsClock = (action: SecretariatTransition) => action === "openEndorsement" || action === "returnToConsultation";

/**
 * A secretariat move, always with its public outcome statement. Where the move's published
 * criteria are not met, it is made only as an override, with the reason.
 */
function MoveDialog({
  normId,
  title,
  action,
  unmet,
  variant,
}: {
  normId: string;
  title: string;
  action: SecretariatTransition;
  unmet: boolean;
  variant: ButtonProps["variant"];
}) {
  const t = useTranslations("norms.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useFormDialog(secretariatTransitionInput, { normId, transition: action, statement: "", override: false, overrideReason: "", lastDay: "", sealed: false });
  const { form, message } = dialog;
  const transition = useMutation(
    trpc.norms.transition.mutationOptions({
      onSuccess: (data) => {
        dialog.close();
        toast.success(t(data.override ? "doneOverride" : data.sealed ? "doneSealed" : `${action}.done`));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  const onSubmit = dialog.submit((values) => {
    transition.mutate({ ...values, lastDay: startsClock(action) && values.lastDay ? values.lastDay : undefined, sealed: action === "openEndorsement" && values.sealed });
  });
  const override = form.watch("override");
  return (
    <FormDialog
      dialog={dialog}
      openLabel={t(`${action}.open`)}
      openVariant={variant}
      title={t(`${action}.title`, { title })}
      description={t(`${action}.description`)}
      onSubmit={onSubmit}
      confirmLabel={t(`${action}.confirm`)}
      confirmVariant="default"
      pending={transition.isPending}
    >
      <FormErrors form={form} fields={startsClock(action) ? ["statement", "overrideReason", "lastDay", "sealed"] : ["statement", "overrideReason"]} message={message} />
      {unmet ? <p className="mb-4 font-bold">{t("criteriaUnmet")}</p> : null}
      <TextareaField form={form} name="statement" label={t("statement")} hint={t("statementHint")} rows={4} />
      {unmet ? (
        <>
          <CheckboxField id="override" label={t("override")} hint={t("overrideHint")} containerClassName="mb-4" {...form.register("override")} />
          {override ? <TextareaField form={form} name="overrideReason" label={t("overrideReason")} hint={t("overrideReasonHint")} rows={3} /> : null}
        </>
      ) : null}
      {startsClock(action) ? <TextField form={form} name="lastDay" type="date" label={t("lastDay")} hint={t("lastDayHint")} /> : null}
      {/* Sealed endorsement (server/domain/sealed.ts): only the move into endorsement offers it. */}
      {action === "openEndorsement" ? <CheckboxField id="sealed" label={t("sealed")} hint={t("sealedHint")} containerClassName="mb-4" {...form.register("sealed")} /> : null}
    </FormDialog>
  );
}

/** The secretariat moves the stage's closing date later, with a reason shown on the timeline. */
function ExtendDialog({ normId, title }: { normId: string; title: string }) {
  const t = useTranslations("norms.actions.extend");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useFormDialog(extendStageInput, { normId, lastDay: "", reason: "" });
  const { form, message } = dialog;
  const extend = useMutation(
    trpc.norms.extendStage.mutationOptions({
      onSuccess: () => {
        dialog.close();
        toast.success(t("done"));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  const onSubmit = dialog.submit((values) => {
    extend.mutate(values);
  });
  return (
    <FormDialog
      dialog={dialog}
      openLabel={t("open")}
      openVariant="secondary"
      title={t("title", { title })}
      description={t("description")}
      onSubmit={onSubmit}
      confirmLabel={t("confirm")}
      confirmVariant="default"
      pending={extend.isPending}
    >
      <FormErrors form={form} fields={["lastDay", "reason"]} message={message} />
      <TextField form={form} name="lastDay" type="date" label={t("lastDay")} hint={t("lastDayHint")} />
      <TextareaField form={form} name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} />
    </FormDialog>
  );
}

/**
 * A button that opens a dialog holding one form: the shape every action on this page takes. The
 * form posts only through script (these dialogs open only with it).
 */
function FormDialog({
  dialog,
  openLabel,
  openVariant = "secondary",
  title,
  description,
  onSubmit,
  confirmLabel,
  confirmVariant = "default",
  pending,
  children,
}: {
  dialog: { open: boolean; onOpenChange: (open: boolean) => void };
  openLabel: string;
  openVariant?: ButtonProps["variant"];
  title: string;
  description: string;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  confirmLabel: string;
  confirmVariant?: ButtonProps["variant"];
  pending: boolean;
  children: React.ReactNode;
}) {
  const tc = useTranslations("common.actions");
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant={openVariant}>
          {openLabel}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form method="post" onSubmit={onSubmit} noValidate>
          {children}
          <DialogActions>
            <Button type="submit" variant={confirmVariant} pending={pending}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The surviving norm's slug from a slug or a pasted address such as https://…/norms/<slug>?record=1. */
export function slugFromInput(value: string): string {
  const text = value.trim();
  if (!text.includes("/")) return text;
  let path = text;
  try {
    path = new URL(text, "https://forum.invalid").pathname;
  } catch {
    // Not an address: use what was typed.
  }
  const segments = path.split("/").filter(Boolean);
  const at = segments.indexOf("norms");
  const slug = at >= 0 ? segments[at + 1] : segments.at(-1);
  return decodeURIComponent(slug ?? "");
}

// Accepts an address too; the shared schema then checks the slug it contains.
const mergeForm = mergeInput.extend({ intoSlug: z.string().transform(slugFromInput).pipe(mergeInput.shape.intoSlug) });

function MergeDialog({ normId, title }: { normId: string; title: string }) {
  const t = useTranslations("norms.actions.merge");
  const tn = useTranslations("norms.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const dialog = useFormDialog(mergeForm, { normId, intoSlug: "", statement: "" });
  const { form, message } = dialog;
  const merge = useMutation(
    trpc.norms.merge.mutationOptions({
      onSuccess: (data) => {
        dialog.close();
        toast.success(t("done"));
        // The merged norm now redirects to the survivor; show its record instead.
        router.push(localizePath(`/norms/${data.slug}?record=1`, locale));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );

  const onSubmit = dialog.submit((values) => {
    merge.mutate(values);
  });

  return (
    <FormDialog
      dialog={dialog}
      openLabel={t("open")}
      openVariant="secondary"
      title={t("title", { title })}
      description={t("description")}
      onSubmit={onSubmit}
      confirmLabel={t("confirm")}
      confirmVariant="destructive"
      pending={merge.isPending}
    >
      <FormErrors form={form} fields={["intoSlug", "statement"]} message={message} />
      <TextField form={form} name="intoSlug" label={t("into")} hint={t("intoHint")} autoComplete="off" spellCheck={false} />
      <TextareaField form={form} name="statement" label={tn("statement")} hint={tn("statementHint")} rows={4} />
    </FormDialog>
  );
}
