"use client";

import { useTranslations } from "next-intl";
import type * as React from "react";
import { Button, type ButtonProps } from "~/app/_components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/app/_components/ui/dialog";
import { DialogActions } from "~/app/_components/dialog-actions";

interface ActionDialogProps {
  /** From useFormDialog. */
  dialog: { open: boolean; onOpenChange: (open: boolean) => void };
  trigger: string;
  /** The trigger's accessible name when several items on the page have the same button. */
  triggerName: string;
  title: string;
  description: string;
  submit: string;
  triggerVariant?: ButtonProps["variant"];
  submitVariant?: ButtonProps["variant"];
  pending: boolean;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  children: React.ReactNode;
}

/** One moderation decision: a button that opens a dialog with the form that records it. */
export function ActionDialog({ dialog, trigger, triggerName, title, description, submit, triggerVariant = "secondary", submitVariant, pending, onSubmit, children }: ActionDialogProps) {
  const tc = useTranslations("common.actions");
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant={triggerVariant} aria-label={triggerName}>
          {trigger}
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
            <Button type="submit" variant={submitVariant} pending={pending}>
              {submit}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
