"use client";

import { ArrowDownIcon, ArrowUpIcon, PlusIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "~/app/_components/ui/button";
import { cn } from "~/app/_components/ui/cn";
import { FieldError, FieldHint, fieldAria } from "~/app/_components/ui/field";
import { Label } from "~/app/_components/ui/label";
import { Textarea } from "~/app/_components/ui/textarea";
import { MAX_CLAUSES } from "~/server/schemas/norms";
import type { NormFormApi } from "./norm-form";

/**
 * The norm's text as numbered clauses. The form holds a plain `string[]`, so a zod error at
 * `clauses.2` lands on the third clause; stable keys let clauses move without losing focus or text.
 */
export function ClauseList({ form }: { form: NormFormApi }) {
  const t = useTranslations("normForm.form");
  const te = useTranslations("common.errors");
  const clauses = useWatch({ control: form.control, name: "clauses" }) ?? [];
  const nextKey = useRef(0);
  const [keys, setKeys] = useState(() => form.getValues("clauses").map(() => `c${nextKey.current++}`));
  const [announcement, setAnnouncement] = useState("");
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const errors = form.formState.errors.clauses as
    | ({ message?: string; root?: { message?: string } } & Record<number, { message?: string } | undefined>)
    | undefined;
  const listError = errors?.message ?? errors?.root?.message;

  function update(next: string[], nextKeys: string[]) {
    setKeys(nextKeys);
    form.setValue("clauses", next, { shouldDirty: true });
    // Errors are indexed by position: after a structural change, recompute them once submitted.
    if (form.formState.isSubmitted) void form.trigger("clauses");
  }

  function add() {
    const key = `c${nextKey.current++}`;
    update([...clauses, ""], [...keys, key]);
    setAnnouncement(t("clauseAdded", { number: clauses.length + 1 }));
    setFocusId(`clauses.${clauses.length}`);
  }

  function remove(index: number) {
    update(
      clauses.filter((_, i) => i !== index),
      keys.filter((_, i) => i !== index),
    );
    setAnnouncement(t("clauseRemoved"));
    const remaining = clauses.length - 1;
    setFocusId(remaining === 0 ? "add-clause" : `clauses.${Math.min(index, remaining - 1)}`);
  }

  function move(index: number, by: -1 | 1) {
    const to = index + by;
    if (to < 0 || to >= clauses.length) return;
    const swap = <T,>(list: T[]) => {
      const next = [...list];
      [next[index], next[to]] = [next[to]!, next[index]!];
      return next;
    };
    update(swap(clauses), swap(keys));
    setAnnouncement(t("clauseMoved", { number: to + 1 }));
    // Keep the keyboard on the moved clause's control, or its other arrow at either end.
    const key = keys[index]!;
    const atEnd = by === -1 ? to === 0 : to === clauses.length - 1;
    setFocusId(`${key}-${atEnd ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down"}`);
  }

  return (
    <div className={cn("mb-6 sm:mb-8", listError && "border-s-4 border-destructive ps-4")} data-invalid={listError ? "true" : undefined}>
      <fieldset id="clauses" tabIndex={-1} aria-describedby={["clauses-hint", listError ? "clauses-error" : null].filter(Boolean).join(" ")}>
        <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("clauses")}</legend>
        <FieldHint id="clauses-hint">{t("clausesHint", { max: MAX_CLAUSES })}</FieldHint>
        {listError ? (
          <FieldError id="clauses-error" prefix={te("errorPrefix")}>
            {listError}
          </FieldError>
        ) : null}
        <ol className="m-0 flex list-none flex-col gap-6 p-0">
          {clauses.map((text, index) => {
            const key = keys[index] ?? `missing-${index}`;
            const id = `clauses.${index}`;
            const error = errors?.[index]?.message;
            const number = index + 1;
            return (
              <li
                key={key}
                className={cn("border-s-4 border-border ps-4", error && "border-destructive")}
                data-invalid={error ? "true" : undefined}
              >
                <Label htmlFor={id} className="mb-1">
                  {t("clause", { number })}
                </Label>
                {error ? (
                  <FieldError id={`${id}-error`} prefix={te("errorPrefix")}>
                    {error}
                  </FieldError>
                ) : null}
                <Textarea
                  {...fieldAria(id, { error })}
                  name={id}
                  rows={3}
                  // Grows with its text where the browser supports it, so a clause reads whole.
                  className="field-sizing-content max-h-[60vh]"
                  maxLength={5000}
                  value={text}
                  onChange={(event) =>
                    form.setValue(`clauses.${index}`, event.target.value, {
                      shouldDirty: true,
                      shouldValidate: form.formState.isSubmitted,
                    })
                  }
                />
                {clauses.length > 1 ? (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button id={`${key}-up`} type="button" size="sm" variant="outline" disabled={index === 0} onClick={() => move(index, -1)}>
                      <ArrowUpIcon aria-hidden="true" />
                      {t("moveUp")}
                      <span className="sr-only"> ({t("clause", { number })})</span>
                    </Button>
                    <Button
                      id={`${key}-down`}
                      type="button"
                      size="sm"
                      variant="outline"
                      disabled={index === clauses.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDownIcon aria-hidden="true" />
                      {t("moveDown")}
                      <span className="sr-only"> ({t("clause", { number })})</span>
                    </Button>
                    <Button type="button" size="sm" variant="outline" onClick={() => remove(index)}>
                      <XIcon aria-hidden="true" />
                      {t("removeClause")}
                      <span className="sr-only"> ({t("clause", { number })})</span>
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        <div className="mt-6 flex flex-wrap items-center gap-4">
          <Button id="add-clause" type="button" variant="secondary" disabled={clauses.length >= MAX_CLAUSES} onClick={add}>
            <PlusIcon aria-hidden="true" />
            {t("addClause")}
          </Button>
          <span className="text-base text-muted sm:text-lg">{t("clauseCount", { count: clauses.length, max: MAX_CLAUSES })}</span>
        </div>
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
      </fieldset>
    </div>
  );
}
