import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { api, load } from "~/app/_trpc/server";
import { NormStatusBadge } from "~/app/norms/_components/norm-badges";
import type { ReferenceMatrix } from "~/server/domain/references";
import { documentShortName, proposalSupportLabel } from "../_components/labels";
import { queryText } from "~/app/_components/query-text";
import { localePath } from "~/app/_components/locale-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reference.matrix");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

type Norm = ReferenceMatrix["norms"][number];
type Category = ReferenceMatrix["categories"][number];
type Document = ReferenceMatrix["documents"][number];

const excerpt = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text);

/** Filters from the address; values that match nothing are ignored rather than refused. */
function applyFilters(matrix: ReferenceMatrix, params: SearchParams) {
  const doc = matrix.documents.find((d) => d.key === one(params.doc))?.key;
  const cat = matrix.categories.find((c) => c.code === one(params.cat))?.code;
  const q = queryText(params.q, 100);
  const word = q.toLocaleLowerCase("en");
  const matches = (text: string) => !word || text.toLocaleLowerCase("en").includes(word);
  const documents = matrix.documents.filter((d) => !doc || d.key === doc);
  const categories = matrix.categories
    .filter((c) => !cat || c.code === cat)
    .map((c) => ({ ...c, proposals: c.proposals.filter((p) => matches(p.title)) }));
  const norms = matrix.norms.filter(
    (n) =>
      (!doc || n.documentKey === doc) &&
      (!cat || n.categories.includes(cat)) &&
      (matches(n.text) || matches(n.display)),
  );
  return { doc, cat, q, documents, categories, norms, filtered: Boolean(doc || cat || q) };
}

const cell = (norms: Norm[], category: Category, document: Document) =>
  norms.filter((n) => n.documentKey === document.key && n.categories.includes(category.code));

export default async function ReferencePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [params, t, tr, format, matrix] = await Promise.all([
    searchParams,
    getTranslations("reference.matrix"),
    getTranslations("reference"),
    getFormatter(),
    load(() => api.references.matrix()),
  ]);
  const view = applyFilters(matrix, params);
  const tadd = await getTranslations("library.added");
  const added = matrix.documents.filter((d) => d.source === "added");
  const addedBadge = (d: Document) =>
    d.source === "added" ? (
      <Badge variant="warning" className="text-sm sm:text-sm">
        {tadd("badge")}
      </Badge>
    ) : null;
  const shortName = (d: Document) => documentShortName(tr, d);
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const documentFacts = (d: Document) =>
    t("statusAndAuthor", { status: tr(`documentStatus.${d.status}`), author: tr(`authorKind.${d.authorKind}`) });

  const normList = (norms: Norm[], document: Document, compact = false) =>
    norms.length > 0 ? (
      <ul className="space-y-3" aria-label={t("normsIn", { document: shortName(document) })}>
        {norms.map((n) => (
          <li key={n.id}>
            <Link href={`/reference/norms/${n.id}`} className="font-bold">
              {n.display}
            </Link>
            <p className={compact ? "mt-1 text-sm text-muted" : "mt-1 text-base text-muted"}>{excerpt(n.text, compact ? 100 : 140)}</p>
          </li>
        ))}
      </ul>
    ) : (
      <p className="text-muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("noneSr")}</span>
      </p>
    );

  const categoryExtras = (c: Category) => (
    <div className="grid gap-4 lg:grid-cols-2 lg:gap-8">
      {c.analysis ? (
        <details className="group">
          <summary className="cursor-pointer font-semibold text-link underline underline-offset-4">{t("analysis", { code: c.code })}</summary>
          <p className="mt-3 border-s-4 border-border ps-4 text-base text-pretty">{c.analysis}</p>
        </details>
      ) : null}
      <div>
        <p className="font-semibold">{t("proposalsTitle", { code: c.code })}</p>
        {c.proposals.length > 0 ? (
          <ul className="mt-2 space-y-3">
            {c.proposals.map((p) => (
              <li key={p.slug}>
                <Link href={`/norms/${p.slug}`}>{p.title}</Link>
                <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
                  <NormStatusBadge status={p.status} />
                  <span className="text-base text-muted">{proposalSupportLabel(tr, percent, p)}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-base text-muted">{t("noProposals")}</p>
        )}
      </div>
    </div>
  );

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")}>
        <Link href="/forums">{t("forumsLink")}</Link> · <Link href="/glossary">{t("glossaryLink")}</Link>
      </PageHeader>

      <section aria-labelledby="filters-heading" className="mb-10 bg-surface p-4 sm:p-5">
        <h2 id="filters-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("filtersTitle")}
        </h2>
        <form method="get" action={await localePath("/reference")} role="search" aria-labelledby="filters-heading">
          <div className="grid gap-x-6 md:grid-cols-3">
            <Field id="doc" label={t("document")}>
              <NativeSelect name="doc" defaultValue={view.doc ?? ""} className="w-full" {...fieldAria("doc")}>
                <option value="">{t("anyDocument")}</option>
                {matrix.documents.map((d) => (
                  <option key={d.key} value={d.key}>
                    {shortName(d)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="cat" label={t("category")}>
              <NativeSelect name="cat" defaultValue={view.cat ?? ""} className="w-full" {...fieldAria("cat")}>
                <option value="">{t("anyCategory")}</option>
                {matrix.categories.map((c) => (
                  <option key={c.code} value={c.code}>
                    {t("categoryHeading", { code: c.code, title: c.title })}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="q" label={t("word")} hint={t("wordHint")}>
              <Input name="q" type="search" defaultValue={view.q} maxLength={100} className="w-full" {...fieldAria("q", { hint: t("wordHint") })} />
            </Field>
          </div>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
            <Button type="submit" worksWithoutScript>{t("apply")}</Button>
            {view.filtered ? <Link href="/reference">{t("clear")}</Link> : null}
          </div>
        </form>
      </section>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-6 text-xl font-bold sm:text-2xl">
          {t("count", { count: view.norms.length })}
        </h2>
        {view.norms.length === 0 ? <p className="mb-8">{t("empty")}</p> : null}

        {/* Phones: one block per category, the documents stacked inside it. */}
        <div className="md:hidden">
          {view.categories.map((c) => (
            <section key={c.code} aria-labelledby={`cat-${c.code}-list`} className="border-t-4 border-border py-6">
              <h3 id={`cat-${c.code}-list`} className="mb-4 text-lg font-bold">
                {t("categoryHeading", { code: c.code, title: c.title })}
              </h3>
              {view.documents.map((d) => {
                const norms = cell(view.norms, c, d);
                if (norms.length === 0) return null;
                return (
                  <div key={d.key} className="mb-5">
                    <h4 className="font-bold">
                      <abbr title={d.title} className="no-underline">
                        {shortName(d)}
                      </abbr>
                    </h4>
                    <p className="mb-2 text-base text-muted">
                      {documentFacts(d)} {addedBadge(d)}
                    </p>
                    {normList(norms, d)}
                  </div>
                );
              })}
              {categoryExtras(c)}
            </section>
          ))}
        </div>

        {/* Wider screens: the paper's table, categories as rows and documents as columns. */}
        <Table containerClassName="hidden md:block" className="table-fixed text-base sm:text-base" scrollLabel={t("scrollLabel")}>
          <TableCaption className="sr-only">{t("tableCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col" className="w-36 align-bottom lg:w-44">
                {t("categoryColumn")}
              </TableHead>
              {view.documents.map((d) => (
                <TableHead key={d.key} scope="col" className="align-bottom">
                  <abbr title={d.title} className="block font-bold no-underline">
                    {shortName(d)}
                  </abbr>
                  <span className="mt-2 flex flex-wrap gap-1">
                    <Badge variant={d.status === "legal" ? "info" : "neutral"} className="text-sm sm:text-sm">
                      {tr(`documentStatus.${d.status}`)}
                    </Badge>
                    <Badge className="text-sm sm:text-sm">{tr(`authorKind.${d.authorKind}`)}</Badge>
                    {addedBadge(d)}
                  </span>
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.categories.flatMap((c) => [
              <TableRow key={c.code} className="border-b-0">
                <TableHead scope="row" className="align-top font-normal">
                  <span className="block text-lg font-bold">{c.code}.</span>
                  <span className="block text-base">{c.title}</span>
                </TableHead>
                {view.documents.map((d) => (
                  <TableCell key={d.key} className="align-top">
                    {normList(cell(view.norms, c, d), d, true)}
                  </TableCell>
                ))}
              </TableRow>,
              <TableRow key={`${c.code}-extras`}>
                <TableCell colSpan={view.documents.length + 1} className="pb-6">
                  {categoryExtras(c)}
                </TableCell>
              </TableRow>,
            ])}
          </TableBody>
        </Table>
      </section>

      {added.length > 0 ? (
        <section aria-labelledby="added-heading" className="mt-10 max-w-3xl">
          <h2 id="added-heading" className="mb-2 text-xl font-bold sm:text-2xl">
            {t("addedTitle")}
          </h2>
          <p className="mb-4 text-muted">{t("addedLead")}</p>
          <ul className="border-t border-border">
            {added.map((d) => (
              <li key={d.key} className="border-b border-border py-3" data-testid={`added-${d.key}`}>
                <p className="font-bold">{d.title}</p>
                <p className="text-base text-muted">
                  {d.addedAt ? tadd("addedOn", { date: format.dateTime(d.addedAt, { dateStyle: "long", timeZone: "UTC" }), reference: d.reference }) : d.reference}
                  {d.url ? (
                    <>
                      {" "}
                      <a href={d.url} rel="noreferrer">
                        ({tadd("addedLink")})
                      </a>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
