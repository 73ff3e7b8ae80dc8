import type { Metadata } from "next";
import { cache } from "react";
import Link from "~/app/_components/link";
import { Pager } from "~/app/_components/pager";
import { getTranslations } from "next-intl/server";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect, NativeSelectOption } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, loadPage } from "~/app/_trpc/server";
import { POSITIONS_PAGE } from "~/server/domain/positions";
import { MAX_CLAUSES } from "~/server/schemas/norms";
import { regions, stakeholderTypes, stances } from "~/server/schemas/vocabulary";
import { PositionsList } from "../_components/positions-list";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const pick = <T extends string>(allowed: readonly T[], value: string): T | undefined => (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const stanceChoices = [...stances, "reasoned"] as const;
/** A clause number from the address (0: naming none), as the catalogue by clause links to it. */
const clauseFrom = (value: string) => (/^\d{1,2}$/.test(value) && Number(value) <= MAX_CLAUSES ? Number(value) : undefined);

/** The filters from the address; anything unknown is ignored, as a link may be old or mistyped. */
function filtersFrom(params: Record<string, string | string[] | undefined>) {
  return {
    stakeholderType: pick(stakeholderTypes, one(params.type)),
    region: pick(regions, one(params.region)),
    stance: pick(stanceChoices, one(params.stance)),
    counted: one(params.counted) !== "no",
    clause: clauseFrom(one(params.clause)),
  };
}

/** One read per request, shared by the page and its metadata; an old page link falls back to the first page. */
const positionsPage = cache(async (slug: string, type: string, region: string, stance: string, counted: boolean, clause: string, cursor: string) => {
  const input = { slug, stakeholderType: pick(stakeholderTypes, type), region: pick(regions, region), stance: pick(stanceChoices, stance), counted, clause: clauseFrom(clause) };
  return (await loadPage((after) => api.positions.list({ ...input, cursor: after }), cursor || undefined)).result;
});

const read = async (params: Params, searchParams: SearchParams) => {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = await positionsPage(slug, one(query.type), one(query.region), one(query.stance), one(query.counted) !== "no", one(query.clause), one(query.after));
  return { page, query };
};

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const [{ page }, t] = await Promise.all([read(params, searchParams), getTranslations("positions.all")]);
  return { title: t("metaTitle", { title: page.norm.title }) };
}

/** Every current position on a norm, filtered by group and stance, a page at a time (keyset). */
export default async function NormPositionsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ page, query }, t, tv] = await Promise.all([read(params, searchParams), getTranslations("positions.all"), getTranslations("vocabulary")]);
  const filters = filtersFrom(query);
  const cursor = one(query.after) || undefined;
  const { norm } = page;

  const address = (extra: Record<string, string>) => {
    const search = new URLSearchParams();
    if (filters.stakeholderType) search.set("type", filters.stakeholderType);
    if (filters.region) search.set("region", filters.region);
    if (filters.stance) search.set("stance", filters.stance);
    if (!filters.counted) search.set("counted", "no");
    if (filters.clause !== undefined) search.set("clause", String(filters.clause));
    for (const [k, v] of Object.entries(extra)) search.set(k, v);
    const s = search.toString();
    return `/norms/${norm.slug}/positions${s ? `?${s}` : ""}`;
  };
  const filtered = Boolean(filters.stakeholderType || filters.region || filters.stance || !filters.counted || filters.clause !== undefined);

  return (
    <>
      <p className="mb-6">
        <Link href={`/norms/${norm.slug}#positions`}>
          <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">←</span>
          {t("back")}
        </Link>
      </p>
      <PageHeader caption={norm.title} title={t("title")} description={<p>{t("lead", { count: POSITIONS_PAGE })}</p>} />

      <form method="get" action={`/norms/${norm.slug}/positions`} aria-label={t("filters")} className="mb-8 border-s-4 border-border ps-4">
        <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
          <Field id="type" label={t("stakeholderType")}>
            <NativeSelect name="type" defaultValue={filters.stakeholderType ?? ""} className="w-full" {...fieldAria("type")}>
              <NativeSelectOption value="">{t("any")}</NativeSelectOption>
              {stakeholderTypes.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {tv(`stakeholderType.${s}`)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field id="region" label={t("region")}>
            <NativeSelect name="region" defaultValue={filters.region ?? ""} className="w-full" {...fieldAria("region")}>
              <NativeSelectOption value="">{t("any")}</NativeSelectOption>
              {regions.map((r) => (
                <NativeSelectOption key={r} value={r}>
                  {tv(`region.${r}`)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field id="stance" label={t("stance")}>
            <NativeSelect name="stance" defaultValue={filters.stance ?? ""} className="w-full" {...fieldAria("stance")}>
              <NativeSelectOption value="">{t("any")}</NativeSelectOption>
              <NativeSelectOption value="reasoned">{t("reasoned")}</NativeSelectOption>
              {stances.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {tv(`stance.${s}`)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Field id="counted" label={t("counted")}>
            <NativeSelect name="counted" defaultValue={filters.counted ? "" : "no"} className="w-full" {...fieldAria("counted")}>
              <NativeSelectOption value="">{t("countedYes")}</NativeSelectOption>
              <NativeSelectOption value="no">{t("countedNo")}</NativeSelectOption>
            </NativeSelect>
          </Field>
        </div>
        {filters.clause === undefined ? null : (
          <p className="mt-4 max-w-3xl">
            {/* Kept when the other filters change; "Clear filters" drops it. */}
            <input type="hidden" name="clause" value={filters.clause} />
            {filters.clause === 0 ? t("clauseFilterNone") : t("clauseFilter", { number: filters.clause })}
          </p>
        )}
        <p className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
          <Button type="submit" worksWithoutScript variant="secondary">
            {t("apply")}
          </Button>
          {filtered ? <Link href={`/norms/${norm.slug}/positions`}>{t("clear")}</Link> : null}
        </p>
      </form>

      <section aria-labelledby="positions-results-heading">
        <h2 id="positions-results-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("results", { count: page.total })}
        </h2>
        {page.items.length === 0 ? <p>{t("empty")}</p> : <PositionsList positions={page.items} />}
        <Pager
          label={t("pages")}
          back={cursor ? { href: address({}), label: t("first") } : null}
          next={page.nextCursor ? { href: address({ after: page.nextCursor }), label: t("next", { count: POSITIONS_PAGE }) } : null}
        />
      </section>
    </>
  );
}
