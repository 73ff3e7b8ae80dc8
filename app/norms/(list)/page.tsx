import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { Pager } from "~/app/_components/pager";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { languageName } from "../[slug]/_components/translation-notice";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { FollowButton } from "~/app/_components/follow-button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, loadPage } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { normSorts } from "~/server/schemas/norms";
import { can } from "~/server/policy";
import {
  bindingnesses,
  categoryCodes,
  normKinds,
  normStatuses,
  stakeholderTypes,
} from "~/server/schemas/vocabulary";
import { HighlightedText } from "../_components/highlighted-text";
import { NormBadges } from "../_components/norm-badges";
import { StageDeadlineLine } from "../_components/stage-deadline";
import { referenceDocuments } from "../_components/reference-documents";
import { queryText } from "~/app/_components/query-text";
import { FeedLink, feedAlternates } from "~/app/_components/feed-link";
import { feedPaths } from "~/server/open-data/feeds";
import { localePath } from "~/app/_components/locale-redirect";
import { localeCode } from "~/server/i18n/paths";
import { LANGUAGE_TAGS, type Locale } from "~/server/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const [t, tf] = await Promise.all([getTranslations("norms.list"), getTranslations("openData.feeds")]);
  return { title: t("title"), alternates: feedAlternates(feedPaths.norms, tf("alternate.norms")) };
}

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const pick = <T extends string>(options: readonly T[], value: string | undefined) => options.find((o) => o === value);

// Drafts are never listed, so they are not offered as a filter.
const listedStatuses = normStatuses.filter((s) => s !== "draft");

/** The filters from the address; anything unrecognised is ignored rather than refused. */
function readFilters(params: SearchParams) {
  const q = queryText(params.q, 200);
  const sort = pick(normSorts, one(params.sort));
  const cursor = one(params.cursor);
  return {
    q,
    status: pick(listedStatuses, one(params.status)),
    category: pick(categoryCodes, one(params.category)),
    kind: pick(normKinds, one(params.kind)),
    bindingness: pick(bindingnesses, one(params.bindingness)),
    stakeholderType: pick(stakeholderTypes, one(params.type)),
    document: pick(referenceDocuments, one(params.document)),
    // Relevance means nothing without a search.
    sort: sort === "relevance" && !q ? undefined : sort,
    cursor: cursor && cursor.length <= 500 ? cursor : undefined,
  };
}

type Filters = ReturnType<typeof readFilters>;

function hrefFor(filters: Filters, cursor?: string) {
  const query = new URLSearchParams();
  if (filters.q) query.set("q", filters.q);
  if (filters.status) query.set("status", filters.status);
  if (filters.category) query.set("category", filters.category);
  if (filters.kind) query.set("kind", filters.kind);
  if (filters.bindingness) query.set("bindingness", filters.bindingness);
  if (filters.stakeholderType) query.set("type", filters.stakeholderType);
  if (filters.document) query.set("document", filters.document);
  if (filters.sort) query.set("sort", filters.sort);
  if (cursor) query.set("cursor", cursor);
  const search = query.toString();
  return search ? `/norms?${search}` : "/norms";
}

async function listNorms(filters: Filters, language: Locale) {
  const input = {
    language,
    q: filters.q || undefined,
    status: filters.status,
    category: filters.category,
    kind: filters.kind,
    bindingness: filters.bindingness,
    stakeholderType: filters.stakeholderType,
    document: filters.document,
    sort: filters.sort,
    limit: 20,
  };
  // A mangled "next page" link: the first page, and the page says so.
  return loadPage((cursor) => api.norms.list({ ...input, cursor }), filters.cursor);
}

export default async function NormsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readFilters(await searchParams);
  const [t, tv, ttr, locale, format, actor, { result, badCursor }] = await Promise.all([
    getTranslations("norms.list"),
    getTranslations("vocabulary"),
    getTranslations("translations.search"),
    getLocale(),
    getFormatter(),
    getActor(),
    getLocale().then((tag) => listNorms(filters, localeCode(tag))),
  ]);
  const readerTag = LANGUAGE_TAGS[localeCode(locale)];
  const activeFilters = [filters.q, filters.status, filters.category, filters.kind, filters.bindingness, filters.stakeholderType, filters.document].filter(Boolean).length;
  const filtered = activeFilters > 0;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  // "15 positions · 78% support", plus the figure the list is sorted by when it is another one.
  const measuresLine = (n: (typeof result.items)[number]) => {
    if (n.positionCount === 0) return t("noPositions");
    const parts = [
      n.support === null
        ? t("positionsOnly", { count: n.positionCount })
        : t("positionsSupport", { count: n.positionCount, support: percent(n.support) }),
    ];
    if (filters.sort === "bridging") parts.push(t("bridgingValue", { value: percent(n.bridging) }));
    if (filters.sort === "contested" && n.contestation !== null) parts.push(t("contestedValue", { value: percent(n.contestation) }));
    return parts.join(" · ");
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")}>
        {can("norm.create", actor) ? (
          <Link href="/norms/new" className={buttonVariants()}>
            {t("propose")}
          </Link>
        ) : null}
        {actor ? <Link href="/norms/mine">{t("mine")}</Link> : null}
      </PageHeader>
      <FollowButton actor={actor} type="forum" back="/norms" className="-mt-2 mb-8 sm:-mt-4" />

      <div className="grid gap-10 md:grid-cols-[16rem_minmax(0,1fr)] md:gap-12">
        <section aria-labelledby="filters-heading" className="self-start bg-surface p-4 sm:p-5">
          {/* On phones the filters wait behind a "Filter" button (no script needed); open from md. */}
          <details className="open-from-md" data-testid="norm-filters">
            <summary className="flex min-h-11 cursor-pointer items-center gap-3 text-lg font-bold">
              {t("filterButton")}
              {activeFilters > 0 ? <span className="font-normal">({t("filterActive", { count: activeFilters })})</span> : null}
            </summary>
          <h2 id="filters-heading" className="mt-4 mb-4 text-xl font-bold sm:text-2xl md:mt-0">
            {t("filtersTitle")}
          </h2>
          <form method="get" action={await localePath("/norms")} role="search" aria-labelledby="filters-heading">
            <Field id="q" label={t("search")} hint={t("searchHint")}>
              <Input name="q" type="search" defaultValue={filters.q} maxLength={200} {...fieldAria("q", { hint: t("searchHint") })} />
            </Field>
            <FilterSelect id="status" label={t("status")} any={t("anyStatus")} value={filters.status}
              options={listedStatuses.map((s) => ({ value: s, label: tv(`normStatus.${s}`) }))} />
            <FilterSelect id="category" label={t("category")} any={t("anyCategory")} value={filters.category}
              options={categoryCodes.map((c) => ({ value: c, label: t("categoryOption", { code: c, name: tv(`category.${c}`) }) }))} />
            <FilterSelect id="kind" label={t("kind")} any={t("anyKind")} value={filters.kind}
              options={normKinds.map((k) => ({ value: k, label: tv(`normKind.${k}`) }))} />
            <FilterSelect id="bindingness" label={t("bindingness")} any={t("anyBindingness")} value={filters.bindingness}
              options={bindingnesses.map((b) => ({ value: b, label: tv(`bindingness.${b}`) }))} />
            <FilterSelect id="type" label={t("stakeholderType")} any={t("anyStakeholderType")} value={filters.stakeholderType}
              options={stakeholderTypes.map((s) => ({ value: s, label: tv(`stakeholderType.${s}`) }))} />
            <FilterSelect id="document" label={t("document")} any={t("anyDocument")} value={filters.document}
              options={referenceDocuments.map((d) => ({ value: d, label: t(`documents.${d}`) }))} />
            {/* The order is chosen above the results; applying filters keeps it. */}
            {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
            <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
              <Button type="submit" worksWithoutScript>{t("apply")}</Button>
              {filtered || filters.sort ? <Link href="/norms">{t("clear")}</Link> : null}
            </div>
          </form>
          </details>
        </section>

        <section aria-labelledby="results-heading" className="min-w-0">
          <div className="mb-4 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
            <h2 id="results-heading" className="text-xl font-bold sm:text-2xl">
              {filters.q ? t("resultsFor", { q: filters.q }) : filtered ? t("resultsFiltered") : t("results")}
            </h2>
            {/* Sorting sits at the top of the list, not at the foot of the filters; a form of its own
                (plain GET, no script needed) that carries the filters along. */}
            <form method="get" action={await localePath("/norms")} aria-label={t("sortForm")} className="flex flex-wrap items-end gap-3" data-testid="norm-sort">
              {[...new URLSearchParams(hrefFor({ ...filters, sort: undefined }).split("?")[1] ?? "")].map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              {/* The empty choice means "best match" when searching and "newest" otherwise. */}
              <FilterSelect id="sort" label={t("sort")} any={filters.q ? t("sortRelevance") : t("sortNewest")} className="mb-0 sm:mb-0"
                value={filters.sort === "relevance" ? undefined : filters.sort}
                options={[
                  ...(filters.q ? [{ value: "newest", label: t("sortNewest") }] : []),
                  { value: "active", label: t("sortActive") },
                  { value: "support", label: t("sortSupport") },
                  { value: "bridging", label: t("sortBridging") },
                  { value: "contested", label: t("sortContested") },
                ]} />
              <Button type="submit" worksWithoutScript variant="secondary">
                {t("sortApply")}
              </Button>
            </form>
          </div>
          <p className="mb-4 text-base">
            <Link href="/about/methodology">{t("methodology")}</Link>
          </p>
          {badCursor ? (
            <Alert variant="warning" className="mb-6">
              <AlertDescription>{t("badCursor")}</AlertDescription>
            </Alert>
          ) : null}

          {result.items.length === 0 ? (
            <div className="border-t border-border pt-4">
              <p className="mb-4">{filtered ? t("emptyFiltered") : t("empty")}</p>
              {filtered ? <Link href="/norms">{t("clear")}</Link> : null}
            </div>
          ) : (
            <ol className="border-t border-border" aria-labelledby="results-heading">
              {result.items.map((n) => (
                <li key={n.id} className="border-b border-border py-5">
                  {/* In the reader's language where the norm has a translation into it, said so. */}
                  <h3 className="mb-2 text-lg font-bold sm:text-xl">
                    <Link href={`/norms/${n.slug}`} lang={n.inReaderLanguage ? readerTag : n.language}>
                      {n.inReaderLanguage?.title ?? n.title}
                    </Link>
                  </h3>
                  <NormBadges
                    status={n.status}
                    categories={n.categories}
                    kind={n.kind}
                    bindingness={n.bindingness}
                    label={t("detailsOf", { title: n.inReaderLanguage?.title ?? n.title })}
                  />
                  {n.headline ? (
                    <p className="mt-3 max-w-2xl" lang={n.language}>
                      <span className="sr-only">{t("matchPrefix")} </span>
                      <HighlightedText text={n.headline} />
                    </p>
                  ) : (
                    <p className="mt-3 line-clamp-3 max-w-2xl" lang={n.inReaderLanguage ? readerTag : n.language}>
                      {n.inReaderLanguage?.summary ?? n.summary}
                    </p>
                  )}
                  {n.inReaderLanguage ? (
                    <p className="mt-2 text-base text-muted" data-testid="list-translation">
                      {ttr("listTranslated", { language: languageName(n.language, locale) })}
                    </p>
                  ) : null}
                  {n.matchedLanguages.length ? (
                    <p className="mt-2 text-base text-muted" data-testid="matched-languages">
                      {ttr("matchedIn", { language: n.matchedLanguages.map((l) => languageName(l, locale)).join(", ") })}
                    </p>
                  ) : null}
                  {n.stage ? (
                    <div className="mt-3">
                      <StageDeadlineLine stage={n.stage} />
                    </div>
                  ) : null}
                  <p className="mt-3 text-base font-semibold">{measuresLine(n)}</p>
                  <p className="text-base text-muted">
                    {n.organizationName && n.organizationType
                      ? t("proposedByOrganization", { name: n.organizationName, type: tv(`stakeholderType.${n.organizationType}`) })
                      : t("proposedByPerson", { name: n.proposerName })}
                  </p>
                  <p className="text-base text-muted">
                    {t("versionDates", { version: n.currentVersion, created: date(n.createdAt), active: date(n.lastActivityAt) })}
                  </p>
                </li>
              ))}
            </ol>
          )}

          <Pager
            label={t("pagination")}
            back={filters.cursor ? { href: hrefFor(filters), label: t("firstPage") } : null}
            next={result.nextCursor ? { href: hrefFor(filters, result.nextCursor), label: t("nextPage") } : null}
          />
        </section>
      </div>
      <FeedLink href={feedPaths.norms} lead="subscribeNorms" />
    </>
  );
}

function FilterSelect({
  id,
  label,
  any,
  value,
  options,
  className,
}: {
  id: string;
  label: string;
  any: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  className?: string;
}) {
  return (
    <Field id={id} label={label} className={className}>
      <NativeSelect name={id} defaultValue={value ?? ""} className="w-full" {...fieldAria(id)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}
