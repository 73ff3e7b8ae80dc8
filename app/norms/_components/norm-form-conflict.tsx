"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "~/app/_components/ui/button";
import type { DiffPart } from "~/server/domain/diff";

/** What the server sends with a CONFLICT on revise (server/domain/norms.ts reviseNorm). */
export interface ConflictDetails {
  baseVersion: number;
  currentVersion: number;
  savedBy: string | null;
  savedAt: Date | string | null;
  changeSummary: string | null;
  changes: DiffPart[];
}

export function isConflictDetails(value: unknown): value is ConflictDetails {
  const v = value as Partial<ConflictDetails> | null;
  return Boolean(v && typeof v.currentVersion === "number" && typeof v.baseVersion === "number" && Array.isArray(v.changes));
}

/** A word-level redline: insertions underlined, deletions struck through, each named for screen readers. */
export function Redline({ parts }: { parts: DiffPart[] }) {
  const t = useTranslations("normForm.conflict");
  return (
    <div className="text-base whitespace-pre-wrap sm:text-lg">
      {parts.map((part, index) =>
        part.type === "insert" ? (
          <ins key={index} className="bg-success-tint text-success-strong underline decoration-2 underline-offset-2">
            <span className="sr-only">[{t("inserted")}: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ) : part.type === "delete" ? (
          <del key={index} className="bg-destructive-tint text-destructive-strong line-through decoration-2">
            <span className="sr-only">[{t("deleted")}: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}

/**
 * Shown when someone saved a newer version while this person was editing: nothing was saved,
 * their text stays in the form, and they can start again from the latest version.
 */
export function ConflictPanel({ details, onStartAgain, pending }: { details: ConflictDetails; onStartAgain: () => void; pending: boolean }) {
  const t = useTranslations("normForm.conflict");
  const format = useFormatter();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start" });
  }, [details]);
  const savedAt = details.savedAt ? new Date(details.savedAt) : null;
  const changed = details.changes.some((p) => p.type !== "equal");

  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby="conflict-title"
      data-testid="revise-conflict"
      className="mb-8 border-s-8 border-warning bg-warning-tint p-4 sm:p-6"
    >
      <h2 id="conflict-title" className="mb-3 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-3 text-base sm:text-lg">
        {t("text", {
          current: details.currentVersion,
          base: details.baseVersion,
          name: details.savedBy ?? t("someone"),
          date: savedAt ? format.dateTime(savedAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
        })}
      </p>
      {details.changeSummary ? <p className="mb-4 text-base sm:text-lg">{t("changeSummary", { summary: details.changeSummary })}</p> : null}
      <h3 className="mb-2 text-lg font-bold sm:text-xl">
        {t("changesTitle", { base: details.baseVersion, current: details.currentVersion })}
      </h3>
      {changed ? (
        <div
          role="region"
          aria-label={t("changesTitle", { base: details.baseVersion, current: details.currentVersion })}
          tabIndex={0}
          className="mb-4 max-h-96 overflow-y-auto border-2 border-border bg-background p-3 sm:p-4"
        >
          <Redline parts={details.changes} />
        </div>
      ) : (
        <p className="mb-4 text-base sm:text-lg">{t("noTextChanges")}</p>
      )}
      <p className="mb-4 text-base sm:text-lg">{t("advice")}</p>
      <Button type="button" variant="secondary" onClick={onStartAgain} pending={pending}>
        {t("startAgain", { version: details.currentVersion })}
      </Button>
    </div>
  );
}
