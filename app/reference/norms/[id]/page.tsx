import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { NormStatusBadge } from "~/app/norms/_components/norm-badges";
import { StageDeadlineText } from "~/app/norms/_components/stage-deadline";
import { type CategoryCode, categoryCodes } from "~/server/schemas/vocabulary";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { documentShortName, proposalSupportLabel } from "../../_components/labels";
import { CorrectionForm } from "./_components/islands";
import { UptakeTimeline } from "../../_components/uptake-timeline";
import { GlossaryText } from "~/app/glossary/_components/glossary-text";
import { getGlossaryMatcher } from "~/app/glossary/_components/matcher";

type Params = Promise<{ id: string }>;

// One query per request, shared by the metadata and the page.
const getReferenceNorm = cache((id: string) => load(() => api.references.norm({ id })));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const norm = await getReferenceNorm((await params).id);
  return { title: norm.display, description: norm.text.slice(0, 200) };
}

const isCategoryCode = (code: string): code is CategoryCode => (categoryCodes as readonly string[]).includes(code);

/** The paper gives dates as YYYY-MM-DD (or a year alone); show them in the reader's format. */
function parseDate(value: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
}

export default async function ReferenceNormPage({ params }: { params: Params }) {
  const { id } = await params;
  const [norm, history, actor, t, tr, tc, tu, tadd, glossary, format] = await Promise.all([
    getReferenceNorm(id),
    load(() => api.references.history({ id })),
    getActor(),
    getTranslations("reference.norm"),
    getTranslations("reference"),
    getTranslations("reference.corrections"),
    getTranslations("library.uptake"),
    getTranslations("library.added"),
    getGlossaryMatcher(),
    getFormatter(),
  ]);
  // Only administrators may correct the reference library; they see the form with every category.
  const mayCorrect = can("reference.correct", actor);
  const categoryOptions = mayCorrect
    ? (await load(() => api.references.matrix())).categories.flatMap((c) => (isCategoryCode(c.code) ? [{ code: c.code, title: c.title }] : []))
    : [];
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const shown = (value: string | string[]) => (Array.isArray(value) ? format.list(value) : value);
  const document = norm.document;
  const date = parseDate(document.date);
  const categoryName = (code: string) => norm.categories.find((c) => c.code === code)?.title ?? code;

  return (
    <>
      <p className="mb-6">
        <Link href="/reference">
          <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">←</span>
          {t("back")}
        </Link>
      </p>
      <PageHeader caption={t("caption")} title={norm.display} description={document.title}><Link href={`/compare?items=ref:${encodeURIComponent(norm.id)}`}>{(await getTranslations("compare"))("compareLink")}</Link></PageHeader>

      <section aria-labelledby="text-heading" className="mb-10 max-w-[42rem]">
        <h2 id="text-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("textTitle")}
        </h2>
        <blockquote className="border-s-4 border-primary ps-5 text-lg text-pretty sm:text-xl">
          <p>
            <GlossaryText text={norm.text} matcher={glossary} />
          </p>
        </blockquote>
        <p className="mt-3 text-muted">{t("source", { document: documentShortName(tr, document) })}</p>
        <p className="mt-1 text-base text-muted" data-testid="document-origin">
          {document.source === "added" && document.addedAt
            ? tadd("addedOn", { date: format.dateTime(document.addedAt, { dateStyle: "long", timeZone: "UTC" }), reference: document.reference })
            : tadd("paper")}
        </p>
      </section>

      <section aria-labelledby="categories-heading" className="mb-10">
        <h2 id="categories-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("categoriesTitle")}
        </h2>
        <ul className="space-y-2" aria-label={t("categoriesLabel")}>
          {norm.categories.map((c) => (
            <li key={c.code}>
              <Link href={`/reference?cat=${encodeURIComponent(c.code)}`}>{t("categoryLink", { code: c.code, title: c.title })}</Link>
            </li>
          ))}
        </ul>
      </section>

      {norm.variants.length > 0 ? (
        <section aria-labelledby="variants-heading" className="mb-10 max-w-[42rem]">
          <h2 id="variants-heading" className="mb-2 text-xl font-bold sm:text-2xl">
            {t("variantsTitle")}
          </h2>
          <p className="mb-4 text-muted">{t("variantsLead")}</p>
          {norm.variants.map((v, i) => (
            <figure key={i} className="mb-4">
              <figcaption className="mb-2 font-semibold">
                {t("variantCategories", { categories: format.list(v.categories.map((code) => `${code}. ${categoryName(code)}`)) })}
              </figcaption>
              <blockquote className="border-s-4 border-border ps-5">
                <p>{v.text}</p>
              </blockquote>
            </figure>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="uptake-heading" className="mb-10">
        <h2 id="uptake-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {tu("title")}
        </h2>
        <UptakeTimeline
          uptake={norm.uptake}
          headingId="uptake-heading"
          manage={can("uptake.record", actor) ? { target: { referenceNormId: norm.id }, back: `/reference/norms/${encodeURIComponent(norm.id)}` } : null}
        />
      </section>

      <section aria-labelledby="cited-heading" className="mb-10">
        <h2 id="cited-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("citedByTitle")}
        </h2>
        {norm.citedBy.length > 0 ? (
          <ul className="border-t border-border">
            {norm.citedBy.map((p) => (
              <li key={p.slug} className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border py-3">
                <Link href={`/norms/${p.slug}`} className="font-bold">
                  {p.title}
                </Link>
                <NormStatusBadge status={p.status} />
                <span className="text-base text-muted">{proposalSupportLabel(tr, percent, p)}</span>
                {p.stage ? (
                  <span className="basis-full text-base">
                    <StageDeadlineText stage={p.stage} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("citedByEmpty")}</p>
        )}
      </section>

      <section aria-labelledby="document-heading">
        <h2 id="document-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("documentTitle")}
        </h2>
        <DescriptionList
          items={[
            { id: "title", term: t("docTitle"), details: document.title },
            { id: "issuer", term: t("issuer"), details: document.issuer },
            { id: "date", term: t("date"), details: date ? format.dateTime(date, { dateStyle: "long", timeZone: "UTC" }) : document.date },
            {
              id: "reference",
              term: t("reference"),
              details: document.url ? (
                <>
                  {document.reference}
                  <br />
                  <a href={document.url} rel="noreferrer" className="break-words">
                    {t("link")}
                  </a>
                </>
              ) : (
                document.reference
              ),
            },
            { id: "status", term: t("status"), details: tr(`documentStatus.${document.status}`) },
            { id: "authorKind", term: t("authorKind"), details: tr(`authorKind.${document.authorKind}`) },
          ]}
        />
      </section>

      <section aria-labelledby="corrections-heading" className="mt-10 max-w-[42rem]">
        <h2 id="corrections-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {tc("title")}
        </h2>
        <p className="mb-4 text-muted">{tc("lead")}</p>
        {history.length > 0 ? (
          <ol className="border-t border-border" aria-label={tc("listLabel")}>
            {history.map((c) => (
              <li key={c.id} className="border-b border-border py-4">
                <p className="mb-2 font-bold">{tc("field", { field: c.field })}</p>
                <p className="mb-3 text-muted">
                  {tc("byAdmins")},{" "}
                  <time dateTime={c.createdAt.toISOString()}>{format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </p>
                <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[6rem_minmax(0,1fr)]">
                  <dt className="font-semibold">{tc("before")}</dt>
                  <dd className="break-words">{shown(c.before)}</dd>
                  <dt className="font-semibold">{tc("after")}</dt>
                  <dd className="break-words">{shown(c.after)}</dd>
                  <dt className="font-semibold">{tc("reason")}</dt>
                  <dd className="break-words">{c.reason}</dd>
                </dl>
              </li>
            ))}
          </ol>
        ) : (
          <p>{tc("empty")}</p>
        )}
        {mayCorrect ? (
          <div className="mt-8 border-s-4 border-border ps-5">
            <h3 className="mb-2 text-lg font-bold sm:text-xl">{tc("formTitle")}</h3>
            <p className="mb-6 text-muted">{tc("formLead")}</p>
            <CorrectionForm
              id={norm.id}
              text={norm.text}
              categories={norm.categories.map((c) => c.code).filter(isCategoryCode)}
              options={categoryOptions}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}
