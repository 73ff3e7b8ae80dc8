"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Markdown } from "~/app/_components/markdown";
import { useQuery, useTRPC } from "~/app/_trpc/react";

/** An edited comment's earlier wordings, fetched when the disclosure is first opened (discussion-history.tsx). */
export function Revisions({ commentId, language }: { commentId: string; language: string }) {
  const t = useTranslations("discussion.history");
  const format = useFormatter();
  const trpc = useTRPC();
  const revisions = useQuery(trpc.comments.revisions.queryOptions({ commentId }));
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  return (
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
  );
}
