"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useRef, useState } from "react";
import { PrefixedErrors, PrefixedTextarea } from "~/app/_components/prefixed-fields";
import { applyServerError, FormErrors, TextareaField, useFormDialog, useZodForm } from "~/app/_components/form";
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
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { editCommentInput, reportCommentInput } from "~/server/schemas/comments";
import { CommentComposer, type SpeakingFor } from "./discussion-composer";
import { DialogActions } from "~/app/_components/dialog-actions";

export interface CommentActionsViewer {
  canEdit: boolean;
  canDelete: boolean;
  canReply: boolean;
  canReport: boolean;
}

/**
 * A visible comment's body with what the reader may do to it: reply, edit (the form takes the
 * body's place), delete and report. The server decided what is allowed, and checks again.
 */
export function CommentBody({
  commentId,
  normId,
  currentVersion,
  authorName,
  source,
  viewer,
  organizations,
  children,
}: {
  commentId: string;
  normId: string;
  currentVersion: number;
  authorName: string;
  /** The comment's Markdown, to prefill the edit form. */
  source: string;
  viewer: CommentActionsViewer;
  organizations: readonly SpeakingFor[];
  children: React.ReactNode;
}) {
  const t = useTranslations("discussion.actions");
  const [mode, setMode] = useState<"read" | "edit" | "reply">("read");
  const replyButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const any = viewer.canReply || viewer.canEdit || viewer.canDelete || viewer.canReport;

  const back = (button: React.RefObject<HTMLButtonElement | null>) => {
    setMode("read");
    // After the re-render, so the button is there again.
    requestAnimationFrame(() => button.current?.focus());
  };

  return (
    <>
      {mode === "edit" ? (
        <EditForm commentId={commentId} source={source} onDone={() => back(editButton)} onCancel={() => back(editButton)} />
      ) : (
        children
      )}
      {any && mode !== "edit" ? (
        <div role="group" aria-label={t("label")} className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {viewer.canReply ? (
            <Button
              ref={replyButton}
              type="button"
              variant="link"
              aria-expanded={mode === "reply"}
              onClick={() => (mode === "reply" ? back(replyButton) : setMode("reply"))}
            >
              {t("reply")}
              <span className="sr-only"> {t("replyTo", { name: authorName })}</span>
            </Button>
          ) : null}
          {viewer.canEdit ? (
            <Button ref={editButton} type="button" variant="link" onClick={() => setMode("edit")}>
              {t("edit")}
              <span className="sr-only"> {t("editYours")}</span>
            </Button>
          ) : null}
          {viewer.canDelete ? <DeleteDialog commentId={commentId} /> : null}
          {viewer.canReport ? <ReportDialog commentId={commentId} authorName={authorName} /> : null}
        </div>
      ) : null}
      {mode === "reply" ? (
        <div className="mt-4 border-s-4 border-border ps-4">
          <CommentComposer
            normId={normId}
            idPrefix={`reply-${commentId}`}
            currentVersion={currentVersion}
            organizations={organizations}
            parentId={commentId}
            onDone={() => setMode("read")}
            onCancel={() => back(replyButton)}
          />
        </div>
      ) : null}
    </>
  );
}

function EditForm({ commentId, source, onDone, onCancel }: { commentId: string; source: string; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("discussion.actions");
  const tf = useTranslations("discussion.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(editCommentInput, { commentId, body: source });
  const prefix = `edit-${commentId}`;
  const edit = useMutation(
    trpc.comments.edit.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: (data) => {
        if (data.changed) toast.success(t("edited"));
        else toast.info(t("unchanged"));
        onDone();
        router.refresh();
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    edit.mutate(values);
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-3">
      <PrefixedErrors form={form} prefix={prefix} message={message} fields={["body"]} />
      <PrefixedTextarea form={form} prefix={prefix} name="body" label={t("editLabel")} hint={tf("bodyHint")} rows={6} autoFocus fieldClassName="mb-4 sm:mb-5" />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={edit.isPending}>
          {t("editSubmit")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

function DeleteDialog({ commentId }: { commentId: string }) {
  const t = useTranslations("discussion.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useMutation(
    trpc.comments.delete.mutationOptions({
      onError: (error) => setMessage(serverError(error).message),
      onSuccess: () => {
        setOpen(false);
        toast.success(t("deleted"));
        router.refresh();
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setMessage(null);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="link">
          {t("delete")}
          <span className="sr-only"> {t("deleteYours")}</span>
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("deleteTitle")}</DialogTitle>
          <DialogDescription>{t("deleteDescription")}</DialogDescription>
        </DialogHeader>
        {message ? (
          <Alert variant="destructive" role="alert" data-testid="form-error">
            <AlertDescription>{message}</AlertDescription>
          </Alert>
        ) : null}
        <DialogActions>
          <Button type="button" variant="destructive" pending={remove.isPending} onClick={() => remove.mutate({ commentId })}>
            {t("deleteConfirm")}
          </Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}

function ReportDialog({ commentId, authorName }: { commentId: string; authorName: string }) {
  const t = useTranslations("discussion.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useFormDialog(reportCommentInput, { commentId, reason: "" });
  const { form, message } = dialog;
  const report = useMutation(
    trpc.comments.report.mutationOptions({
      onError: dialog.fail,
      onSuccess: () => {
        dialog.close();
        toast.success(t("reported"));
        router.refresh();
      },
    }),
  );
  const onSubmit = dialog.submit((values) => {
    report.mutate(values);
  });
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant="link">
          {t("report")}
          <span className="sr-only"> {t("reportBy", { name: authorName })}</span>
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("reportTitle")}</DialogTitle>
          <DialogDescription>{t("reportDescription")}</DialogDescription>
        </DialogHeader>
        <form method="post" onSubmit={onSubmit} noValidate>
          <FormErrors form={form} fields={["reason"]} message={message} />
          <TextareaField form={form} name="reason" label={t("reportReason")} hint={t("reportReasonHint")} rows={4} />
          <DialogActions>
            <Button type="submit" pending={report.isPending}>
              {t("reportSubmit")}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
