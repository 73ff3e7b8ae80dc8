"use client";

import { useLocale, useTranslations } from "next-intl";
import { localeCode } from "~/server/i18n/paths";
import { useState } from "react";
import { z } from "zod";
import { applyServerError, useZodForm } from "~/app/_components/form";
import { useRefresh } from "~/app/_components/use-refresh";
import { PrefixedErrors, PrefixedSelect, PrefixedTextarea } from "~/app/_components/prefixed-fields";
import { Button } from "~/app/_components/ui/button";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { createCommentInput } from "~/server/schemas/comments";

/** Languages offered for a comment; the value is its BCP 47 tag. */
export const commentLanguages = ["en", "fr", "es", "ar", "ru", "zh", "pt", "de"] as const;

// The selects give strings: "" is the whole norm, or speaking for oneself.
const composerInput = createCommentInput.extend({
  clause: z
    .string()
    .transform((v) => (v ? Number(v) : null))
    .pipe(createCommentInput.shape.clause.unwrap()),
  organizationId: z
    .string()
    .transform((v) => v || null)
    .pipe(createCommentInput.shape.organizationId.unwrap()),
});

/** The discussion's forms sit close together, several to a page. */
const tight = "mb-4 sm:mb-5";

export interface SpeakingFor {
  id: string;
  name: string;
}

/**
 * A new comment (on the norm or one clause of the current version) or, with `parentId`, a reply,
 * which takes its parent's version and clause.
 */
export function CommentComposer({
  normId,
  idPrefix,
  currentVersion,
  clauseCount = 0,
  organizations,
  parentId,
  amendmentId,
  onDone,
  onCancel,
}: {
  normId: string;
  idPrefix: string;
  currentVersion: number;
  clauseCount?: number;
  organizations: readonly SpeakingFor[];
  parentId?: string;
  /** A comment in an amendment's discussion: it takes the amendment's version and clause. */
  amendmentId?: string;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations("discussion.form");
  const ta = useTranslations("discussion.actions");
  const tl = useTranslations("discussion.languages");
  const trpc = useTRPC();
  const { refresh, refreshing } = useRefresh();
  const locale = useLocale();
  const reply = Boolean(parentId);
  const [message, setMessage] = useState<string | null>(null);
  const defaults = {
    normId,
    body: "",
    language: (commentLanguages as readonly string[]).includes(localeCode(locale)) ? localeCode(locale) : "en",
    version: reply ? undefined : currentVersion,
    clause: "",
    parentId: parentId ?? null,
    organizationId: "",
    amendmentId: amendmentId ?? null,
  };
  const form = useZodForm(composerInput, defaults);

  const create = useMutation(
    trpc.comments.create.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      // The toast waits for the refreshed discussion, so what it announces is already on the page.
      onSuccess: () =>
        refresh(() => {
          toast.success(reply ? ta("replied") : t("posted"));
          form.reset(defaults);
          onDone?.();
        }),
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    create.mutate(values);
  });

  const clauseOptions = [
    { value: "", label: t("aboutWhole") },
    ...Array.from({ length: clauseCount }, (_, i) => ({ value: String(i + 1), label: t("aboutClause", { clause: i + 1, version: currentVersion }) })),
  ];
  const languageOptions = commentLanguages.map((tag) => ({ value: tag, label: tl(tag) }));
  const organizationOptions = [{ value: "", label: t("yourself") }, ...organizations.map((o) => ({ value: o.id, label: o.name }))];

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <PrefixedErrors form={form} prefix={idPrefix} message={message} fields={["body", "clause", "language", "organizationId"]} />
      <PrefixedTextarea
        form={form}
        prefix={idPrefix}
        name="body"
        label={reply ? ta("replyLabel") : t("body")}
        hint={t("bodyHint")}
        rows={reply ? 4 : 6}
        autoFocus={reply}
        fieldClassName={tight}
      />
      <div className="flex flex-col gap-x-6 sm:flex-row sm:flex-wrap">
        {reply || amendmentId ? null : <PrefixedSelect form={form} prefix={idPrefix} name="clause" label={t("about")} options={clauseOptions} fieldClassName={tight} />}
        <PrefixedSelect form={form} prefix={idPrefix} name="language" label={t("language")} options={languageOptions} fieldClassName={tight} />
        {organizations.length ? (
          <PrefixedSelect form={form} prefix={idPrefix} name="organizationId" label={t("speakFor")} options={organizationOptions} fieldClassName={tight} />
        ) : null}
      </div>
      {organizations.length && !reply ? <p className="-mt-2 mb-5 text-base text-muted">{t("speakForHint")}</p> : null}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={create.isPending || refreshing}>
          {reply ? ta("replySubmit") : t("submit")}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {ta("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
