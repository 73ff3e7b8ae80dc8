import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { queryText } from "~/app/_components/query-text";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { StatusBadge } from "~/app/organizations/_components/status-badge";
import { regions } from "~/server/schemas/vocabulary";
import { localePath } from "~/app/_components/locale-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("states.index");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const groups = [...regions.filter((r) => r !== "global"), "none"] as const;

/** The filters from the address; anything unrecognised is ignored rather than refused. */
function readFilters(params: SearchParams) {
  const region = one(params.region);
  return { q: queryText(params.q, 100), region: groups.find((g) => g === region), takingPart: one(params.part) === "1" };
}

// Accents and case do not matter when finding a state by name ("cote" finds Côte d’Ivoire).
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export default async function StatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readFilters(await searchParams);
  const [t, tv, tp, states] = await Promise.all([getTranslations("states.index"), getTranslations("vocabulary"), getTranslations("states.profile"), load(() => api.actors.states())]);
  const q = fold(filters.q);
  const shown = states.filter(
    (s) =>
      (!q || fold(s.name).includes(q) || s.iso.toLowerCase() === q) &&
      (!filters.region || (filters.region === "none" ? s.region === null : s.region === filters.region)) &&
      (!filters.takingPart || s.takesPart),
  );
  const filtered = Boolean(filters.q || filters.region || filters.takingPart);
  const groupLabel = (g: (typeof groups)[number] | null) => (g === null || g === "none" ? t("regionNone") : tv(`region.${g}`));

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("description")}>
        <Link href="/compare/actors">{t("compare")}</Link>
      </PageHeader>

      <section aria-labelledby="filters-heading" className="mb-10 bg-surface p-4 sm:p-5">
        <h2 id="filters-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("filterTitle")}
        </h2>
        <form method="get" action={await localePath("/states")} role="search" aria-labelledby="filters-heading" className="grid gap-x-6 sm:grid-cols-2">
          <Field id="q" label={t("nameLabel")}>
            <Input name="q" type="search" defaultValue={filters.q} maxLength={100} {...fieldAria("q")} />
          </Field>
          <Field id="region" label={t("regionLabel")}>
            <NativeSelect name="region" defaultValue={filters.region ?? ""} className="w-full" {...fieldAria("region")}>
              <option value="">{t("regionAll")}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {groupLabel(g)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-4 sm:col-span-2">
            <CheckboxField id="part" name="part" value="1" defaultChecked={filters.takingPart} label={t("takingPartLabel")} />
            <Button type="submit" worksWithoutScript>
              {t("submit")}
            </Button>
            {filtered ? <Link href="/states">{t("clear")}</Link> : null}
          </div>
        </form>
      </section>

      <section aria-labelledby="results-heading" className="min-w-0">
        <h2 id="results-heading" className="mb-1 text-xl font-bold sm:text-2xl">
          {t("count", { shown: shown.length, total: states.length })}
        </h2>
        <p className="mb-6 text-muted">{t("takingPart", { count: states.filter((s) => s.takesPart).length })}</p>
        {shown.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="grid border-t border-border sm:grid-cols-2 sm:gap-x-8 lg:grid-cols-3" data-testid="state-list">
            {shown.map((s) => (
              <li key={s.iso} className="border-b border-border py-3" data-testid={`state-${s.iso}`}>
                <p className="font-bold">
                  <Link href={`/states/${s.slug}`}>{s.name}</Link>
                </p>
                <p className="text-base text-muted">
                  {groupLabel(s.region)}
                  {s.membership === "observer" ? ` · ${t("observerState")}` : null}
                </p>
                {s.organizations.length ? (
                  <ul className="mt-1 space-y-1 text-base">
                    {s.organizations.map((o) => (
                      <li key={o.slug} className="flex flex-wrap items-center gap-2">
                        <StatusBadge status={o.verificationStatus} />
                        <span>{o.name}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {s.takesPart ? (
                  <p className="mt-1">
                    <Badge variant="info">{t("takesPart")}</Badge>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-6 text-base text-muted">{tp("organizationsLead")}</p>
      </section>
    </>
  );
}
