import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { languageName } from "../norms/[slug]/_components/translation-notice";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { NormStatusBadge } from "~/app/norms/_components/norm-badges";
import { StageDeadlineText } from "~/app/norms/_components/stage-deadline";
import type { SearchResults } from "~/server/domain/search";
import { MarkedText } from "~/app/_components/marked-text";
import { queryText } from "~/app/_components/query-text";
import { excerptAround } from "~/app/_components/query-terms";
import { localePath } from "~/app/_components/locale-redirect";

type SearchParams = Record<string, string | string[] | undefined>;
const readQuery = (value: string | string[] | undefined) => queryText(value, 200);

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const [t, q] = await Promise.all([getTranslations("search"), searchParams.then((p) => readQuery(p.q))]);
  return { title: q ? t("resultsMetaTitle", { q }) : t("metaTitle") };
}


export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const q = readQuery((await searchParams).q);
  const t = await getTranslations("search");
  const tooShort = q.length > 0 && q.length < 2;
  const results = q.length >= 2 ? await load(() => api.search.all({ q })) : null;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" action={await localePath("/search")} role="search" className="mb-10 max-w-[42rem]">
        <Field id="q" label={t("label")} hint={t("hint")} error={tooShort ? t("tooShort") : undefined}>
          <div className="flex flex-wrap gap-3">
            <Input
              type="search"
              name="q"
              defaultValue={q}
              minLength={2}
              maxLength={200}
              className="min-w-0 flex-1 basis-56"
              {...fieldAria("q", { hint: t("hint"), error: tooShort ? t("tooShort") : undefined })}
            />
            <Button type="submit" worksWithoutScript>{t("submit")}</Button>
          </div>
        </Field>
      </form>
      {results ? <Results results={results} /> : null}
    </>
  );
}

async function Results({ results }: { results: SearchResults }) {
  const [t, tv, tt, locale] = await Promise.all([getTranslations("search"), getTranslations("vocabulary"), getTranslations("translations.search"), getLocale()]);
  const total = results.referenceNorms.count + results.forums.count + results.proposals.count + results.organizations.count;
  // Proposals are counted up to SEARCH_CANDIDATES: past it, "more than".
  const capped = results.proposals.countCapped;
  const q = results.q;
  if (total === 0)
    return (
      <p role="status" className="text-lg">
        {t("empty", { q })}
      </p>
    );

  const groups = [
    {
      key: "proposals" as const,
      group: results.proposals,
      more: results.proposals.count > results.proposals.items.length ? `/norms?q=${encodeURIComponent(q)}` : null,
      rows: results.proposals.items.map((n) => ({
        key: n.slug,
        href: `/norms/${n.slug}`,
        title: n.title,
        meta: (
          <>
            <NormStatusBadge status={n.status} />
            {n.stage ? (
              <span className="mt-1 block text-base">
                <StageDeadlineText stage={n.stage} />
              </span>
            ) : null}
          </>
        ),
        text: excerptAround(n.summary, q),
        // Found in a translation: say in which language(s).
        found: n.matchedLanguages.length ? tt("matchedIn", { language: n.matchedLanguages.map((l) => languageName(l, locale)).join(", ") }) : null,
      })),
    },
    {
      key: "referenceNorms" as const,
      group: results.referenceNorms,
      more: null,
      rows: results.referenceNorms.items.map((n) => ({
        key: n.id,
        href: `/reference/norms/${encodeURIComponent(n.id)}`,
        title: n.display,
        meta: null,
        text: excerptAround(n.text, q),
      })),
    },
    {
      key: "forums" as const,
      group: results.forums,
      more: null,
      rows: results.forums.items.map((f) => ({
        key: f.id,
        href: `/forums#${encodeURIComponent(f.id)}`,
        title: `${f.name} (${f.year})`,
        meta: null,
        text: excerptAround(f.summary, q),
      })),
    },
    {
      key: "organizations" as const,
      group: results.organizations,
      more: null,
      rows: results.organizations.items.map((o) => ({
        key: o.slug,
        href: `/organizations/${o.slug}`,
        title: o.name,
        meta: (
          <Badge variant={o.verificationStatus === "verified" ? "success" : "neutral"}>
            {tv(`verificationStatus.${o.verificationStatus}`)}
          </Badge>
        ),
        text: tv(`stakeholderType.${o.stakeholderType}`),
      })),
    },
  ];

  return (
    <>
      <p role="status" className="mb-8 text-lg font-semibold">
        {capped ? t("summaryMore", { count: total, q }) : t("summary", { count: total, q })}
      </p>
      {groups
        .filter((g) => g.group.count > 0)
        .map((g) => (
          <section key={g.key} aria-labelledby={`${g.key}-heading`} className="mb-10">
            <h2 id={`${g.key}-heading`} className="mb-1 text-xl font-bold sm:text-2xl">
              {t(`group.${g.key}`)}{" "}
              <span className="font-normal text-muted">
                ({g.key === "proposals" && capped ? t("countMore", { count: g.group.count }) : t("count", { count: g.group.count })})
              </span>
            </h2>
            {g.group.count > g.rows.length ? (
              <p className="mb-3 text-muted">
                {g.key === "proposals" && capped
                  ? t("showingMore", { shown: g.rows.length, count: g.group.count })
                  : t("showing", { shown: g.rows.length, count: g.group.count })}
              </p>
            ) : null}
            <ul className="mt-4 divide-y divide-border border-y border-border">
              {g.rows.map((row) => (
                <li key={row.key} className="py-4">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <Link href={row.href} className="text-lg font-bold">
                      <MarkedText text={row.title} q={q} />
                    </Link>
                    {row.meta}
                  </div>
                  {row.text ? (
                    <p className="mt-1 max-w-[42rem] text-muted">
                      <MarkedText text={row.text} q={q} />
                    </p>
                  ) : null}
                  {"found" in row && row.found ? <p className="mt-1 text-base text-muted">{row.found}</p> : null}
                </li>
              ))}
            </ul>
            {g.more ? (
              <p className="mt-3">
                <Link href={g.more}>{t("more")}</Link>
              </p>
            ) : null}
          </section>
        ))}
    </>
  );
}
