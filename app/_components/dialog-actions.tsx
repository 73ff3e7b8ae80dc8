"use client";

import type * as React from "react";
import { useTranslations } from "next-intl";
import { Button } from "./ui/button";
import { DialogClose, DialogFooter } from "./ui/dialog";

/** A dialog's buttons: the action it confirms (the children), then Cancel, which closes it. */
export function DialogActions({ children }: { children: React.ReactNode }) {
  const t = useTranslations("common.actions");
  return (
    <DialogFooter>
      {children}
      <DialogClose asChild>
        <Button type="button" variant="secondary">
          {t("cancel")}
        </Button>
      </DialogClose>
    </DialogFooter>
  );
}
