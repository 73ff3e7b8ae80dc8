"use client";

import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { EyeIcon, PencilIcon } from "lucide-react";
import Link from "~/app/_components/link";
import { useRouter } from "next/navigation";
import { localizePath } from "~/server/i18n/paths";
import { useTranslations, useLocale } from "next-intl";
import { useRef, useState, useTransition } from "react";
import type { FieldPath, UseFormReturn } from "react-hook-form";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyServerError, FormErrors, TextareaField, TextField, useZodForm } from "~/app/_components/form";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { cn } from "~/app/_components/ui/cn";
import { Field, FieldError, FieldHint, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import type { AppRouter } from "~/server/root";
import { createNormInput, reviseNormInput } from "~/server/schemas/norms";
import { bindingnesses, type CategoryCode, normKinds } from "~/server/schemas/vocabulary";
import { CitationPicker } from "./norm-form-citations";
import { ClauseList } from "./norm-form-clauses";
import { type ConflictDetails, ConflictPanel, isConflictDetails } from "./norm-form-conflict";
import { NormPreview } from "./norm-form-preview";

export type FormOptions = inferRouterOutputs<AppRouter>["norms"]["formOptions"];

type ReviseOnly = Pick<z.input<typeof reviseNormInput>, "normId" | "baseVersion" | "changeSummary">;
/** One shape for both forms: a proposal, plus what a revision adds. */
export type NormFormInput = z.input<typeof createNormInput> & Partial<ReviseOnly>;
type NormFormOutput = z.output<typeof createNormInput> & Partial<z.output<typeof reviseNormInput>>;
export type NormFormApi = UseFormReturn<NormFormInput, unknown, NormFormOutput>;

/** The current version's values, to prefill a revision. */
export interface NormValues {
  title: string;
  summary: string;
  clauses: string[];
  language: string;
  rationale: string;
  categories: CategoryCode[];
  kind: (typeof normKinds)[number];
  bindingness: (typeof bindingnesses)[number];
  citations: string[];
}

type Props = { options: FormOptions } & (
  | { mode: "create" }
  | { mode: "revise"; normId: string; slug: string; baseVersion: number; values: NormValues }
);

const radioClass =
  "m-0 size-7 shrink-0 cursor-pointer appearance-none rounded-full border-2 border-foreground bg-background checked:bg-foreground checked:shadow-[inset_0_0_0_5px_var(--color-background)] aria-invalid:border-destructive focus-visible:outline-offset-0 focus-visible:shadow-[0_0_0_5px_var(--color-foreground),inset_0_0_0_5px_var(--color-background)]";

/** Proposes a norm (a private draft) or saves a new version of one; the same fields either way. */
export function NormForm(props: Props) {
  const t = useTranslations("normForm.form");
  const tv = useTranslations("vocabulary");
  const te = useTranslations("common.errors");
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [reloading, startReload] = useTransition();
  const previewHeading = useRef<HTMLSpanElement>(null);
  const previewButton = useRef<HTMLButtonElement>(null);

  const revising = props.mode === "revise";
  const initial = revising ? props.values : undefined;
  const schema = (revising ? reviseNormInput : createNormInput) as unknown as z.ZodType<NormFormOutput, NormFormInput>;
  const form: NormFormApi = useZodForm(schema, {
    title: initial?.title ?? "",
    summary: initial?.summary ?? "",
    clauses: initial?.clauses.length ? initial.clauses : [""],
    language: initial?.language ?? "en",
    rationale: initial?.rationale ?? "",
    categories: initial?.categories ?? [],
    kind: initial?.kind,
    bindingness: initial?.bindingness,
    citations: initial?.citations ?? [],
    ...(revising
      ? { normId: props.normId, baseVersion: props.baseVersion, changeSummary: "" }
      : { organizationId: null }),
  });

  const onError = (error: unknown) => {
    const data = error instanceof TRPCClientError ? (error.data as { code?: string; details?: unknown } | undefined) : undefined;
    if (data?.code === "CONFLICT" && isConflictDetails(data.details)) {
      setMessage(null);
      setConflict(data.details);
      return;
    }
    setMessage(applyServerError(form, error));
    setPreviewing(false);
  };
  const create = useMutation(
    trpc.norms.create.mutationOptions({
      onError,
      onSuccess: (created) => {
        toast.success(t("created"));
        router.push(localizePath(`/norms/${created.slug}`, locale));
      },
    }),
  );
  const revise = useMutation(
    trpc.norms.revise.mutationOptions({
      onError,
      onSuccess: (saved) => {
        toast.success(t("revised", { version: saved.version }));
        router.push(localizePath(`/norms/${saved.slug}`, locale));
        router.refresh();
      },
    }),
  );
  const pending = create.isPending || revise.isPending || create.isSuccess || revise.isSuccess;

  const onSubmit = form.handleSubmit(
    (values) => {
      setMessage(null);
      if (props.mode === "create") {
        const { normId: _n, baseVersion: _b, changeSummary: _c, ...proposal } = values;
        create.mutate(proposal);
      } else {
        setConflict(null);
        revise.mutate({ ...values, normId: props.normId, baseVersion: props.baseVersion, changeSummary: values.changeSummary ?? "" });
      }
    },
    () => setPreviewing(false),
  );

  function showPreview(on: boolean) {
    setPreviewing(on);
    // Move the keyboard to what just appeared.
    requestAnimationFrame(() => (on ? previewHeading.current : previewButton.current)?.focus());
  }

  const clauses = useWatch({ control: form.control, name: "clauses" }) ?? [];
  const organizationId = useWatch({ control: form.control, name: "organizationId" });
  const fields: FieldPath<NormFormInput>[] = [
    "title",
    "summary",
    "clauses",
    ...clauses.map((_, i) => `clauses.${i}` as const),
    "language",
    "rationale",
    "categories",
    "kind",
    "bindingness",
    "citations",
    "organizationId",
    "changeSummary",
  ];
  const errorOf = (name: "categories" | "kind" | "bindingness" | "organizationId") =>
    (form.formState.errors[name] as { message?: string } | undefined)?.message;

  const choiceGroup = (name: "kind" | "bindingness", values: readonly string[], hintKey: "kindItemHint" | "bindingnessItemHint") => {
    const error = errorOf(name);
    return (
      <div className={cn("mb-6 sm:mb-8", error && "border-s-4 border-destructive ps-4")} data-invalid={error ? "true" : undefined}>
        <fieldset aria-describedby={[`${name}-hint`, error ? `${name}-error` : null].filter(Boolean).join(" ")}>
          <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t(name)}</legend>
          <FieldHint id={`${name}-hint`}>{t(`${name}Hint`)}</FieldHint>
          {error ? (
            <FieldError id={`${name}-error`} prefix={te("errorPrefix")}>
              {error}
            </FieldError>
          ) : null}
          <div className="flex flex-col gap-4">
            {values.map((value, index) => {
              // The first radio carries the field's id, so the error summary can link to it.
              const id = index === 0 ? name : `${name}-${value}`;
              return (
                <div key={value} className="flex items-start gap-3">
                  <input
                    type="radio"
                    id={id}
                    value={value}
                    aria-describedby={`${id}-item-hint`}
                    aria-invalid={error ? true : undefined}
                    className={radioClass}
                    {...form.register(name)}
                  />
                  <div className="min-w-0 pt-0.5 sm:pt-0">
                    <label htmlFor={id} className="block cursor-pointer">
                      {name === "kind" ? tv(`normKind.${value as "mutual_restraint"}`) : tv(`bindingness.${value as "political"}`)}
                    </label>
                    <div id={`${id}-item-hint`} className="text-base text-muted sm:text-lg">
                      {t(`${hintKey}.${value}` as "kindItemHint.mutual_restraint")}
                    </div>
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
    );
  };

  const categoriesError = errorOf("categories");
  const organizationError = errorOf("organizationId");
  const cancelHref = props.mode === "revise" ? `/norms/${props.slug}` : "/norms";

  const actions = (
    <div className="flex flex-wrap items-center gap-4">
      <Button type="submit" pending={pending}>
        {pending ? t(revising ? "revising" : "creating") : revising ? t("revise", { version: props.baseVersion + 1 }) : t("create")}
      </Button>
      {previewing ? (
        <Button type="button" variant="secondary" onClick={() => showPreview(false)}>
          <PencilIcon aria-hidden="true" />
          {t("backToEditing")}
        </Button>
      ) : (
        <Button ref={previewButton} type="button" variant="secondary" onClick={() => showPreview(true)}>
          <EyeIcon aria-hidden="true" />
          {t("preview")}
        </Button>
      )}
      <Link href={cancelHref} className={buttonVariants({ variant: "link" })}>
        {t("cancel")}
      </Link>
    </div>
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-3xl" aria-busy={pending || undefined}>
      {conflict ? (
        <ConflictPanel
          details={conflict}
          pending={reloading}
          onStartAgain={() =>
            startReload(() => {
              // The page keys this form by version, so the refreshed page brings a fresh form.
              router.refresh();
              window.scrollTo({ top: 0 });
            })
          }
        />
      ) : null}
      <FormErrors form={form} fields={fields} message={message} />

      {previewing ? (
        <>
          <NormPreview values={form.getValues()} options={props.options} headingRef={previewHeading} showProposer={!revising} />
          {actions}
        </>
      ) : null}

      {/* Hidden, not unmounted, while previewing: the fields keep their values and registration. */}
      <div hidden={previewing}>
        <TextField form={form} name="title" label={t("title")} hint={t("titleHint")} maxLength={200} autoComplete="off" />
        <TextareaField form={form} name="summary" label={t("summary")} hint={t("summaryHint")} rows={4} maxLength={1000} className="field-sizing-content" />
        <ClauseList form={form} />

        <div className={cn("mb-6 sm:mb-8", categoriesError && "border-s-4 border-destructive ps-4")} data-invalid={categoriesError ? "true" : undefined}>
          <fieldset aria-describedby={["categories-hint", categoriesError ? "categories-error" : null].filter(Boolean).join(" ")}>
            <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("categories")}</legend>
            <FieldHint id="categories-hint">{t("categoriesHint")}</FieldHint>
            {categoriesError ? (
              <FieldError id="categories-error" prefix={te("errorPrefix")}>
                {categoriesError}
              </FieldError>
            ) : null}
            <div className="flex flex-col gap-4">
              {props.options.categories.map((c, index) => (
                <CheckboxField
                  key={c.code}
                  id={index === 0 ? "categories" : `categories-${c.code}`}
                  value={c.code}
                  aria-invalid={categoriesError ? true : undefined}
                  label={t("categoryLabel", { code: c.code, title: c.title })}
                  {...form.register("categories")}
                />
              ))}
            </div>
          </fieldset>
        </div>

        {choiceGroup("kind", normKinds, "kindItemHint")}
        {choiceGroup("bindingness", bindingnesses, "bindingnessItemHint")}

        <CitationPicker form={form} references={props.options.references} />

        <TextField
          form={form}
          name="language"
          label={t("language")}
          hint={t("languageHint")}
          className="max-w-40"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={35}
        />
        <TextareaField form={form} name="rationale" label={t("rationale")} hint={t("rationaleHint")} rows={6} maxLength={10000} />

        {props.mode === "create" ? (
          props.options.organizations.length ? (
            <Field id="organizationId" label={t("organization")} hint={t("organizationHint")} error={organizationError} errorPrefix={te("errorPrefix")}>
              <NativeSelect
                {...fieldAria("organizationId", { hint: t("organizationHint"), error: organizationError })}
                name="organizationId"
                value={organizationId ?? ""}
                onChange={(e) => form.setValue("organizationId", e.target.value || null, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
              >
                <option value="">{t("ownName")}</option>
                {props.options.organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          ) : (
            <p className="mb-6 text-base text-muted sm:mb-8 sm:text-lg">{t("organizationNone")}</p>
          )
        ) : null}

        {revising ? (
          <TextareaField form={form} name="changeSummary" label={t("changeSummary")} hint={t("changeSummaryHint")} rows={2} maxLength={500} />
        ) : null}

        {previewing ? null : actions}
      </div>
    </form>
  );
}
