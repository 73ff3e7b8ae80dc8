import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { forumKindLabel, normTypeLabel } from "../reference/_components/labels";
import { localePath } from "~/app/_components/locale-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reference.forums");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ForumsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const kind = one(params.kind)?.trim().slice(0, 50) || undefined;
  const party = one(params.party)?.trim().slice(0, 200) || undefined;
  const [t, tr, tadd, format, result] = await Promise.all([
    getTranslations("reference.forums"),
    getTranslations("reference"),
    getTranslations("library.added"),
    getFormatter(),
    load(() => api.references.forums({ kind, party })),
  ]);
  const filtered = Boolean(kind || party);

  // Group the timeline by year, so a reader can scan it decade by decade.
  const years = [...new Set(result.items.map((f) => f.year))];

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")}>
        <Link href="/reference">{t("matrixLink")}</Link>
      </PageHeader>

      <div className="grid gap-10 md:grid-cols-[16rem_minmax(0,1fr)] md:gap-12">
        <section aria-labelledby="filters-heading" className="self-start bg-surface p-4 sm:p-5">
          <h2 id="filters-heading" className="mb-4 text-xl font-bold sm:text-2xl">
            {t("filtersTitle")}
          </h2>
          <form method="get" action={await localePath("/forums")} role="search" aria-labelledby="filters-heading">
            <Field id="kind" label={t("kind")}>
              <NativeSelect name="kind" defaultValue={kind ?? ""} className="w-full min-w-0" {...fieldAria("kind")}>
                <option value="">{t("anyKind")}</option>
                {result.kinds.map((k) => (
                  <option key={k} value={k}>
                    {forumKindLabel(tr, k)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="party" label={t("party")}>
              <NativeSelect name="party" defaultValue={party ?? ""} className="w-full min-w-0" {...fieldAria("party")}>
                <option value="">{t("anyParty")}</option>
                {result.parties.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
              <Button type="submit" worksWithoutScript>{t("apply")}</Button>
              {filtered ? <Link href="/forums">{t("clear")}</Link> : null}
            </div>
          </form>
        </section>

        <section aria-labelledby="results-heading" className="min-w-0">
          <h2 id="results-heading" className="mb-6 text-xl font-bold sm:text-2xl">
            {t("count", { count: result.items.length })}
          </h2>
          {result.items.length === 0 ? <p>{t("empty")}</p> : null}
          <ol className="border-s-4 border-border empty:hidden">
            {years.map((year) => (
              <li key={year} className="relative pb-6 ps-5 sm:ps-6">
                <span aria-hidden="true" className="absolute -start-[0.6rem] top-1.5 size-4 rounded-full border-4 border-background bg-primary" />
                <h3 className="mb-3 text-lg font-bold sm:text-xl">{year}</h3>
                <ul className="space-y-6">
                  {result.items
                    .filter((f) => f.year === year)
                    .map((f) => (
                      <li key={f.id} id={f.id}>
                        <h4 className="text-lg font-bold text-pretty">{f.name}</h4>
                        <p className="mt-2 flex flex-wrap gap-2">
                          <Badge variant="info">{forumKindLabel(tr, f.kind)}</Badge>
                          <Badge>{t("normType", { type: normTypeLabel(tr, f.normType) })}</Badge>
                          {f.source === "added" ? <Badge variant="warning">{tadd("badge")}</Badge> : null}
                        </p>
                        <p className="mt-3 max-w-[42rem] text-pretty">{f.summary}</p>
                        <dl className="mt-3 space-y-1 text-base text-muted">
                          {f.parties.length > 0 ? (
                            <div>
                              <dt className="inline font-semibold">{t("parties")}: </dt>
                              <dd className="inline">{f.parties.join(", ")}</dd>
                            </div>
                          ) : null}
                          {f.reference ? (
                            <div>
                              <dt className="inline font-semibold">{t("reference")}: </dt>
                              <dd className="inline break-words">{f.reference}</dd>
                            </div>
                          ) : null}
                          {f.source === "added" && f.addedAt ? (
                            <div>
                              {tadd("forumAddedOn", { date: format.dateTime(f.addedAt, { dateStyle: "long", timeZone: "UTC" }) })}{" "}
                              {f.url ? (
                                <a href={f.url} rel="noreferrer">
                                  {tadd("addedLink")}
                                </a>
                              ) : null}
                            </div>
                          ) : null}
                        </dl>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
