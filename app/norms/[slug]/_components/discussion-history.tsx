"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";

// The earlier wordings, their query and a Markdown renderer are loaded when a reader first opens
// the disclosure, not with the page.
const Revisions = dynamic(() => import("./discussion-revisions").then((m) => m.Revisions), { ssr: false });

/** An edited comment's earlier wordings, loaded when the reader opens the disclosure. */
export function EditHistory({ commentId, language }: { commentId: string; language: string }) {
  const t = useTranslations("discussion.history");
  const [opened, setOpened] = useState(false);
  return (
    <details className="mt-3" onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}>
      <summary className="cursor-pointer text-base text-link underline underline-offset-[0.15em] sm:text-lg">{t("summary")}</summary>
      {opened ? (
        <Revisions commentId={commentId} language={language} />
      ) : (
        <div className="mt-3 border-s-4 border-border ps-4" aria-live="polite" aria-busy="true">
          <p className="text-muted">{t("loading")}</p>
        </div>
      )}
    </details>
  );
}
