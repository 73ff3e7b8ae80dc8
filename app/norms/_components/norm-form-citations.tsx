"use client";

import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { useWatch } from "react-hook-form";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { cn } from "~/app/_components/ui/cn";
import { FieldError, FieldHint } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { Label } from "~/app/_components/ui/label";
import type { FormOptions, NormFormApi } from "./norm-form";

// The reference documents in the paper's order; a key not listed here goes under "other".
export const documentOrder = ["CoC", "USG", "UNGGE", "Tallinn", "MSFT"] as const;
type DocumentGroup = (typeof documentOrder)[number] | "other";
export const documentGroup = (key: string): DocumentGroup =>
  (documentOrder as readonly string[]).includes(key) ? (key as DocumentGroup) : "other";

const EXCERPT = 160;
export function excerpt(text: string) {
  return text.length <= EXCERPT ? text : `${text.slice(0, EXCERPT).replace(/\s+\S*$/, "")}…`;
}

const normalize = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();

/** Reference norms the proposal builds on, grouped by document, with a filter box. */
export function CitationPicker({ form, references }: { form: NormFormApi; references: FormOptions["references"] }) {
  const t = useTranslations("normForm.form");
  const td = useTranslations("normForm.documents");
  const te = useTranslations("common.errors");
  const filterId = useId();
  const selected = useWatch({ control: form.control, name: "citations" }) ?? [];
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const error = (form.formState.errors.citations as { message?: string } | undefined)?.message;

  const words = normalize(deferred).split(/\s+/).filter(Boolean);
  const matches = references.filter((r) => {
    const haystack = normalize(`${r.display} ${r.id} ${td(documentGroup(r.documentKey))} ${r.text}`);
    return words.every((w) => haystack.includes(w));
  });
  const groups = [...documentOrder, "other" as const]
    .map((key) => ({ key, items: matches.filter((r) => documentGroup(r.documentKey) === key) }))
    .filter((g) => g.items.length > 0);

  function toggle(id: string, checked: boolean) {
    const next = checked ? [...selected, id] : selected.filter((c) => c !== id);
    form.setValue("citations", next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  }

  const chosen = references.filter((r) => selected.includes(r.id));

  return (
    <div className={cn("mb-6 sm:mb-8", error && "border-s-4 border-destructive ps-4")} data-invalid={error ? "true" : undefined}>
      <fieldset id="citations" tabIndex={-1} aria-describedby={["citations-hint", error ? "citations-error" : null].filter(Boolean).join(" ")}>
        <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("citations")}</legend>
        <FieldHint id="citations-hint">{t("citationsHint")}</FieldHint>
        {error ? (
          <FieldError id="citations-error" prefix={te("errorPrefix")}>
            {error}
          </FieldError>
        ) : null}

        <p className="mb-4 text-base sm:text-lg" data-testid="citations-chosen">
          <strong>{t("citationsSelected", { count: chosen.length })}</strong>
          {chosen.length ? `: ${chosen.map((r) => r.display).join(", ")}` : null}
        </p>

        <div className="mb-4 max-w-md">
          <Label htmlFor={filterId} className="mb-1">
            {t("citationsFilter")}
          </Label>
          <FieldHint id={`${filterId}-hint`}>{t("citationsFilterHint")}</FieldHint>
          <Input
            id={filterId}
            type="search"
            aria-describedby={`${filterId}-hint ${filterId}-count`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Enter in the filter box must not submit the whole proposal.
              if (e.key === "Enter") e.preventDefault();
            }}
            autoComplete="off"
            spellCheck={false}
          />
          <p id={`${filterId}-count`} className="mt-2 text-base text-muted" aria-live="polite">
            {groups.length ? t("citationsShown", { shown: matches.length }) : t("citationsNoMatch", { q: deferred })}
          </p>
        </div>

        <div className="max-h-[36rem] overflow-y-auto border-2 border-border p-3 sm:p-4">
          {groups.map((group) => (
            <fieldset key={group.key} className="mb-6 last:mb-0">
              <legend className="mb-3 text-base font-bold sm:text-lg">{td(group.key)}</legend>
              <div className="flex flex-col gap-4">
                {group.items.map((r) => (
                  <CheckboxField
                    key={r.id}
                    id={`citation-${r.id}`}
                    name="citations"
                    value={r.id}
                    checked={selected.includes(r.id)}
                    onChange={(e) => toggle(r.id, e.target.checked)}
                    label={<span className="font-semibold">{r.display}</span>}
                    hint={excerpt(r.text)}
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
