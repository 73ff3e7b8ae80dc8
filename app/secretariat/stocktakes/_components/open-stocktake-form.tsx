"use client";

import { useRouter } from "next/navigation";
import { localizePath } from "~/server/i18n/paths";
import { useTranslations, useLocale } from "next-intl";
import { useState } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { applyServerError, FormErrors, TextField, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { openStocktakeInput } from "~/server/schemas/stocktakes";

export interface CoverableNorm {
  id: string;
  label: string;
  hint: string;
}

interface Props {
  suggestedYear: number;
  /** The forum norms in endorsement or concluded, up to the bound (the most-positioned): the default coverage. */
  forumNorms: CoverableNorm[];
  /** Set when more norms are in endorsement or concluded than one stock-take covers. */
  bound: { eligible: number; limit: number } | null;
  /** The reference norms, by document: all covered by default. */
  documents: { key: string; title: string; norms: CoverableNorm[] }[];
}

/** A set of ticked ids with tick-all and untick-all for a group. */
function useTicks(all: string[]) {
  const [ticked, setTicked] = useState(() => new Set(all));
  return {
    ticked,
    toggle: (id: string, on: boolean) =>
      setTicked((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setMany: (ids: string[], on: boolean) =>
      setTicked((prev) => {
        const next = new Set(prev);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    /** Absent means "the default": every norm, as the server counts them when it opens the stock-take. */
    chosen: () => (all.every((id) => ticked.has(id)) ? undefined : all.filter((id) => ticked.has(id))),
  };
}

export function OpenStocktakeForm({ suggestedYear, forumNorms, documents, bound }: Props) {
  const t = useTranslations("stocktakeAdmin.openForm");
  const te = useTranslations("common.errors");
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(openStocktakeInput, { year: suggestedYear, opensOn: "", closesOn: "" });
  const forum = useTicks(forumNorms.map((n) => n.id));
  const references = useTicks(documents.flatMap((d) => d.norms.map((n) => n.id)));
  const open = useMutation(
    trpc.stocktakes.open.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("opened", { year: result.year, count: result.items }));
        router.push(localizePath(`/secretariat/stocktakes/${result.year}`, locale));
      },
      onError: (error) => setMessage(applyServerError(form, error)),
    }),
  );
  const yearError = form.formState.errors.year?.message;
  const coverageError = form.formState.errors.normIds?.message ?? form.formState.errors.referenceNormIds?.message;
  const total = forumNorms.length + documents.reduce((n, d) => n + d.norms.length, 0);
  const chosen = forum.ticked.size + references.ticked.size;

  const group = (name: string, ids: string[], ticks: ReturnType<typeof useTicks>) => (
    <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
      <Button type="button" variant="link" onClick={() => ticks.setMany(ids, true)} aria-label={t("tickAllNamed", { group: name })}>
        {t("tickAll")}
      </Button>
      <Button type="button" variant="link" onClick={() => ticks.setMany(ids, false)} aria-label={t("untickAllNamed", { group: name })}>
        {t("untickAll")}
      </Button>
    </p>
  );

  return (
    <form
      method="post"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setMessage(null);
        open.mutate({ ...values, normIds: forum.chosen(), referenceNormIds: references.chosen() });
      })}
    >
      <FormErrors form={form} fields={["year", "opensOn", "closesOn", "normIds", "referenceNormIds"]} message={message} />
      <Field id="year" label={t("year")} error={yearError} errorPrefix={te("errorPrefix")}>
        <Input
          type="number"
          inputMode="numeric"
          min={2015}
          max={2100}
          className="max-w-[8rem]"
          // Shown before the page is interactive too; the form holds the value afterwards.
          defaultValue={suggestedYear}
          {...fieldAria("year", { error: yearError })}
          {...form.register("year", { valueAsNumber: true })}
        />
      </Field>
      <TextField form={form} name="opensOn" type="date" label={t("opensOn")} hint={t("opensOnHint")} className="max-w-[14rem]" />
      <TextField form={form} name="closesOn" type="date" label={t("closesOn")} hint={t("closesOnHint")} className="max-w-[14rem]" />

      <h3 className="mb-2 text-xl font-bold">{t("coverageTitle")}</h3>
      <p className="mb-4">{t("coverageDefault")}</p>
      {bound ? <p className="mb-4">{t("coverageBound", bound)}</p> : null}
      <details className="mb-8 border-s-4 border-border ps-4" open={Boolean(coverageError)}>
        <summary className="cursor-pointer text-lg text-link underline hover:text-link-hover">{t("coverageChoose", { chosen, total })}</summary>
        <div className="mt-6">
          {coverageError ? (
            <p id="normIds" className="mb-4 text-lg font-bold text-destructive">
              <span className="sr-only">{te("errorPrefix")} </span>
              {coverageError}
            </p>
          ) : null}
          <fieldset className="mb-8">
            <legend className="mb-2 text-lg font-bold">{t("forumNorms")}</legend>
            {forumNorms.length === 0 ? (
              <p>{t("noForumNorms")}</p>
            ) : (
              <>
                {group(t("forumNorms"), forumNorms.map((n) => n.id), forum)}
                <div className="space-y-4">
                  {forumNorms.map((n) => (
                    <CheckboxField
                      key={n.id}
                      id={`norm-${n.id}`}
                      label={n.label}
                      hint={n.hint}
                      checked={forum.ticked.has(n.id)}
                      onChange={(e) => forum.toggle(n.id, e.currentTarget.checked)}
                    />
                  ))}
                </div>
              </>
            )}
          </fieldset>
          {documents.map((d) => (
            <fieldset key={d.key} className="mb-8">
              <legend className="mb-2 text-lg font-bold">{t("referenceNorms", { document: d.title })}</legend>
              {group(d.title, d.norms.map((n) => n.id), references)}
              <div className="space-y-4">
                {d.norms.map((n) => (
                  <CheckboxField
                    key={n.id}
                    id={`reference-${n.id}`}
                    label={n.label}
                    hint={n.hint}
                    checked={references.ticked.has(n.id)}
                    onChange={(e) => references.toggle(n.id, e.currentTarget.checked)}
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      </details>
      <Button type="submit" pending={open.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
