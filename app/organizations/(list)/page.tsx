import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { Pager } from "~/app/_components/pager";
import { getTranslations } from "next-intl/server";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { Badge } from "~/app/_components/ui/badge";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { isStaff } from "~/server/policy";
import { countryName } from "~/server/schemas/countries";
import { type Region, regions, type StakeholderType, stakeholderTypes } from "~/server/schemas/vocabulary";
import { StatusBadge } from "../_components/status-badge";
import { queryText } from "~/app/_components/query-text";
import { localePath } from "~/app/_components/locale-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations.directory");
  return { title: t("title") };
}

const pageSize = 20;

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The filters from the address; anything unrecognised is ignored rather than refused. */
function readFilters(params: SearchParams) {
  const type = one(params.type);
  const region = one(params.region);
  const q = queryText(params.q, 100);
  const start = Number.parseInt(one(params.start) ?? "", 10);
  return {
    type: stakeholderTypes.find((s) => s === type),
    region: regions.find((r) => r === region),
    q,
    verifiedOnly: one(params.verified) === "1",
    start: Number.isSafeInteger(start) && start > 0 ? start : 0,
  };
}

type Filters = ReturnType<typeof readFilters>;

function hrefFor(filters: Filters, start: number) {
  const query = new URLSearchParams();
  if (filters.q) query.set("q", filters.q);
  if (filters.type) query.set("type", filters.type);
  if (filters.region) query.set("region", filters.region);
  if (filters.verifiedOnly) query.set("verified", "1");
  if (start > 0) query.set("start", String(start));
  const search = query.toString();
  return search ? `/organizations?${search}` : "/organizations";
}

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readFilters(await searchParams);
  const [t, tv, actor, result] = await Promise.all([
    getTranslations("organizations.directory"),
    getTranslations("vocabulary"),
    getActor(),
    load(() =>
      api.organizations.list({
        stakeholderType: filters.type,
        region: filters.region,
        q: filters.q || undefined,
        verifiedOnly: filters.verifiedOnly || undefined,
        cursor: filters.start,
        limit: pageSize,
      }),
    ),
  ]);
  const filtered = Boolean(filters.q || filters.type || filters.region || filters.verifiedOnly);
  const from = result.items.length ? filters.start + 1 : 0;
  const to = filters.start + result.items.length;
  const typeLabel = (s: StakeholderType) => tv(`stakeholderType.${s}`);
  const regionLabel = (r: Region) => tv(`region.${r}`);
  const country = (code: string | null) => (code ? countryName(code) : null);

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")}>
        {actor && !isStaff(actor) ? (
          <>
            <Link href="/organizations/new" className={buttonVariants()}>
              {t("register")}
            </Link>
            <Link href="/organizations/mine">{t("mine")}</Link>
          </>
        ) : null}
      </PageHeader>

      {/* The filters sit above the results rather than beside them, so the table has the page's full
          width and names are not squeezed onto several lines. */}
      <section aria-labelledby="filters-heading" className="mb-10 bg-surface p-4 sm:p-5">
        <h2 id="filters-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("filtersTitle")}
        </h2>
        <form
          method="get"
          action={await localePath("/organizations")}
          role="search"
          aria-labelledby="filters-heading"
          className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]"
        >
          <Field id="q" label={t("search")} className="sm:col-span-2 lg:col-span-1">
            <Input name="q" type="search" defaultValue={filters.q} maxLength={100} {...fieldAria("q")} />
          </Field>
          <Field id="type" label={t("type")}>
            <NativeSelect name="type" defaultValue={filters.type ?? ""} className="w-full" {...fieldAria("type")}>
              <option value="">{t("anyType")}</option>
              {stakeholderTypes.map((s) => (
                <option key={s} value={s}>
                  {typeLabel(s)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="region" label={t("region")}>
            <NativeSelect name="region" defaultValue={filters.region ?? ""} className="w-full" {...fieldAria("region")}>
              <option value="">{t("anyRegion")}</option>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {regionLabel(r)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-4 sm:col-span-2 lg:col-span-3">
            <CheckboxField id="verified" name="verified" value="1" defaultChecked={filters.verifiedOnly} label={t("verifiedOnly")} />
            <Button type="submit" worksWithoutScript>{t("apply")}</Button>
            {filtered ? <Link href="/organizations">{t("clear")}</Link> : null}
          </div>
        </form>
      </section>

      <section aria-labelledby="results-heading" className="min-w-0">
        <h2 id="results-heading" className="mb-1 text-xl font-bold sm:text-2xl">
          {t("count", { count: result.total })}
        </h2>
        {result.items.length > 0 ? (
          <p className="mb-6 text-muted">{t("showing", { from, to, total: result.total })}</p>
        ) : (
          <p className="mt-4">{t("empty")}</p>
        )}

        {result.items.length > 0 ? (
          <>
            {/* Up to 1024 px: one block per organisation; wider: a table to compare them. */}
            <ul className="border-t border-border lg:hidden" data-testid="organization-list">
              {result.items.map((o) => (
                <li key={o.id} className="border-b border-border py-4">
                  <p className="mb-1 text-lg font-bold">
                    <Link href={`/organizations/${o.slug}`}>{o.name}</Link>
                  </p>
                  <p className="text-muted">
                    {[typeLabel(o.stakeholderType), regionLabel(o.region), country(o.country)].filter(Boolean).join(" · ")}
                  </p>
                  <p className="mt-2 flex flex-wrap gap-2">
                    <StatusBadge status={o.verificationStatus} />
                    {o.participation === "observer" ? <Badge variant="info">{t("observer")}</Badge> : null}
                  </p>
                </li>
              ))}
            </ul>
            <Table containerClassName="hidden lg:block" scrollLabel={t("tableCaption")} data-testid="organization-table">
              <TableCaption className="sr-only">{t("tableCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t("colName")}</TableHead>
                  <TableHead scope="col" className="whitespace-nowrap">{t("colType")}</TableHead>
                  <TableHead scope="col">{t("colRegion")}</TableHead>
                  <TableHead scope="col">{t("colCountry")}</TableHead>
                  <TableHead scope="col" className="whitespace-nowrap">{t("colStatus")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.items.map((o) => (
                  <TableRow key={o.id}>
                    <TableHead scope="row" className="min-w-[16rem] font-normal">
                      <Link href={`/organizations/${o.slug}`} className="font-bold">
                        {o.name}
                      </Link>
                    </TableHead>
                    <TableCell className="whitespace-nowrap">{typeLabel(o.stakeholderType)}</TableCell>
                    <TableCell>{regionLabel(o.region)}</TableCell>
                    <TableCell>
                      {country(o.country) ?? (
                        <>
                          <span aria-hidden="true" className="text-muted">
                            –
                          </span>
                          <span className="sr-only">{t("noCountry")}</span>
                        </>
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <span className="flex flex-wrap gap-2">
                        <StatusBadge status={o.verificationStatus} />
                        {o.participation === "observer" ? <Badge variant="info">{t("observer")}</Badge> : null}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ) : null}

        <Pager
          label={t("pagination")}
          backRel="prev"
          back={filters.start > 0 ? { href: hrefFor(filters, Math.max(0, filters.start - pageSize)), label: t("previous") } : null}
          next={result.nextCursor !== null ? { href: hrefFor(filters, result.nextCursor), label: t("next") } : null}
        />
      </section>
    </>
  );
}
