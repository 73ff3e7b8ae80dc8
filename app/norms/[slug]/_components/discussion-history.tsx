"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Markdown } from "~/app/_components/markdown";
import { useQuery, useTRPC } from "~/app/_trpc/react";

/** An edited comment's earlier wordings, loaded when the reader opens the disclosure. */
export function EditHistory({ commentId, language }: { commentId: string; language: string }) {
  const t = useTranslations("discussion.history");
  const format = useFormatter();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const revisions = useQuery(trpc.comments.revisions.queryOptions({ commentId }, { enabled: open }));
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });

  return (
    <details className="mt-3" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-base text-link underline underline-offset-[0.15em] sm:text-lg">{t("summary")}</summary>
      <div className="mt-3 border-s-4 border-border ps-4" aria-live="polite" aria-busy={revisions.isLoading}>
        {revisions.isLoading ? (
          <p className="text-muted">{t("loading")}</p>
        ) : revisions.isError ? (
          <p>{t("error")}</p>
        ) : revisions.data ? (
          <ol aria-label={t("listLabel")} className="flex flex-col gap-4">
            {revisions.data.earlier.map((r, i) => (
              <li key={i}>
                <p className="mb-1 text-base text-muted">
                  {t.rich("earlier", {
                    written: date(r.writtenAt),
                    replaced: date(r.replacedAt),
                    writtenAt: (chunks) => <time dateTime={r.writtenAt.toISOString()}>{chunks}</time>,
                    replacedAt: (chunks) => <time dateTime={r.replacedAt.toISOString()}>{chunks}</time>,
                  })}
                </p>
                <div lang={language}>
                  <Markdown>{r.body}</Markdown>
                </div>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </details>
  );
}
