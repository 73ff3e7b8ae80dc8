"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { Markdown } from "~/app/_components/markdown";
import { Badge } from "~/app/_components/ui/badge";
import type { FormOptions, NormFormInput } from "./norm-form";

/** The norm as it will read once saved, from the form's current values; nothing is sent. */
export function NormPreview({
  values,
  options,
  headingRef,
  showProposer,
}: {
  values: NormFormInput;
  options: FormOptions;
  /** Whether to say on whose behalf it is proposed (a new proposal only). */
  showProposer?: boolean;
  /** Focused when the preview opens. */
  headingRef?: Ref<HTMLSpanElement>;
}) {
  const t = useTranslations("normForm.preview");
  const tv = useTranslations("vocabulary");
  const clauses = (values.clauses ?? []).filter((c) => c.trim());
  const categories = options.categories.filter((c) => (values.categories ?? []).includes(c.code as never));
  const citations = options.references.filter((r) => (values.citations ?? []).includes(r.id));
  const organization = options.organizations.find((o) => o.id === values.organizationId);
  const empty = <span className="text-muted italic">{t("empty")}</span>;

  return (
    <section aria-labelledby="norm-preview-heading" className="mb-8 border-4 border-border p-4 sm:p-8" data-testid="norm-preview">
      <p className="mb-1 text-lg text-muted">
        <span id="norm-preview-heading" ref={headingRef} tabIndex={-1} className="font-bold text-foreground">
          {t("title")}
        </span>
        {" — "}
        {t("lead")}
      </p>
      <h2 className="mt-4 mb-4 text-2xl font-bold break-words sm:text-3xl">{values.title?.trim() || empty}</h2>
      <div className="mb-6 flex flex-wrap gap-2">
        {values.kind ? <Badge variant="info">{tv(`normKind.${values.kind}`)}</Badge> : null}
        {values.bindingness ? <Badge>{tv(`bindingness.${values.bindingness}`)}</Badge> : null}
      </div>
      {showProposer ? <p className="mb-6 text-base text-muted sm:text-lg">{organization ? t("onBehalfOf", { name: organization.name }) : t("ownName")}</p> : null}
      <h3 className="mb-2 text-xl font-bold">{t("summary")}</h3>
      <p className="mb-6 max-w-[42rem] text-base whitespace-pre-line sm:text-lg">{values.summary?.trim() || empty}</p>

      <h3 className="mb-2 text-xl font-bold">{t("text")}</h3>
      {clauses.length ? (
        <ol className="mb-6 flex max-w-[42rem] list-none flex-col gap-4 p-0">
          {clauses.map((clause, index) => (
            <li key={index} className="grid grid-cols-[auto_1fr] gap-x-3">
              <span className="font-bold" aria-hidden="true">
                {index + 1}.
              </span>
              <div>
                <span className="sr-only">{t("clause", { number: index + 1 })}: </span>
                <Markdown>{clause}</Markdown>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mb-6">{empty}</p>
      )}

      <h3 className="mb-2 text-xl font-bold">{t("categories")}</h3>
      {categories.length ? (
        <ul className="mb-6 list-disc ps-6">
          {categories.map((c) => (
            <li key={c.code}>
              {c.code}. {c.title}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-6 text-muted">{t("notChosen")}</p>
      )}

      {citations.length ? (
        <>
          <h3 className="mb-2 text-xl font-bold">{t("citations")}</h3>
          <ul className="mb-6 list-disc ps-6">
            {citations.map((r) => (
              <li key={r.id}>{r.display}</li>
            ))}
          </ul>
        </>
      ) : null}

      {values.rationale?.trim() ? (
        <>
          <h3 className="mb-2 text-xl font-bold">{t("rationale")}</h3>
          <Markdown>{values.rationale}</Markdown>
        </>
      ) : null}
    </section>
  );
}
