import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localeCode } from "~/server/i18n/paths";
import { languageName } from "../_components/translation-notice";
import { cache } from "react";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import type { DiffPart } from "~/server/domain/diff";
import { getNorm, parseVersion } from "../_components/get-norm";
import { ClauseDiff } from "./_components/clause-diff";
import { DiffText } from "./_components/diff-text";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const getRedline = cache(async (slug: string, rawFrom: string | undefined, rawTo: string | undefined, language: string | undefined) => {
  let from: number;
  let to: number;
  if (rawFrom === undefined && rawTo === undefined) {
    // No versions chosen: the latest change.
    const norm = await getNorm(slug);
    to = norm.currentVersion;
    from = Math.max(1, to - 1);
  } else {
    from = parseVersion(rawFrom);
    to = parseVersion(rawTo);
  }
  if (slug.length > 120) notFound();
  return load(() => api.norms.redline({ slug, from, to, language: language as "fr" | undefined }));
});

async function read(params: Params, searchParams: SearchParams) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const view = one(query.view) === "side" ? ("side" as const) : ("inline" as const);
  // Within the reader's language (from the address) when both versions are translated into it;
  // `?text=authoritative` compares the authoritative texts.
  const authoritative = one(query.text) === "authoritative";
  const language = authoritative ? undefined : localeCode(await getLocale());
  return { redline: await getRedline(slug, one(query.from), one(query.to), language), view, authoritative, language };
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const [{ redline }, t] = await Promise.all([read(params, searchParams), getTranslations("norms.redline")]);
  return { title: t("metaTitle", { title: redline.title, from: redline.from.number, to: redline.to.number }) };
}

const changed = (parts: readonly DiffPart[]) => parts.some((p) => p.type !== "equal");

export default async function RedlinePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ redline, view, authoritative, language }, t, ttr, format, locale] = await Promise.all([
    read(params, searchParams),
    getTranslations("norms.redline"),
    getTranslations("translations.redline"),
    getFormatter(),
    getLocale(),
  ]);
  const { from, to, stats } = redline;
  const base = `/norms/${redline.slug}`;
  const href = (v: "inline" | "side") => `${base}/redline?from=${from.number}&to=${to.number}${v === "side" ? "&view=side" : ""}${authoritative ? "&text=authoritative" : ""}`;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const sections = [
    ...(changed(redline.title_) ? [{ id: "title", heading: t("titleChanged"), parts: redline.title_ }] : []),
    ...(changed(redline.summary) ? [{ id: "summary", heading: t("summaryChanged"), parts: redline.summary }] : []),
    { id: "text", heading: t("textHeading"), parts: redline.text },
  ];

  return (
    <>
      <PageHeader
        caption={
          <Link href={base} className="text-muted">
            {redline.title}
          </Link>
        }
        title={t("title", { from: from.number, to: to.number })}
        description={
          <p>
            {t("stats", { inserted: stats.inserted, deleted: stats.deleted })}
          </p>
        }
      />

      <div className="mb-8 grid max-w-3xl gap-4 sm:grid-cols-2">
        {[from, to].map((v, i) => (
          <div key={i} className="border-s-4 border-border ps-4">
            <p className="font-bold">
              <Link href={`${base}/v/${v.number}`}>{i === 0 ? t("fromVersion", { version: v.number }) : t("toVersion", { version: v.number })}</Link>
            </p>
            <p className="text-base text-muted">{date(v.createdAt)}</p>
            <p className="text-base">{v.changeSummary}</p>
          </div>
        ))}
      </div>

      {redline.translated ? (
        <p className="mb-8 max-w-3xl" data-testid="redline-language">
          {ttr("translated", {
            language: languageName(redline.language, locale),
            from: redline.translated.from.providedBy,
            to: redline.translated.to.providedBy,
            authoritative: languageName(redline.authoritativeLanguage, locale),
          })}{" "}
          <Link href={`${base}/redline?from=${from.number}&to=${to.number}&text=authoritative`}>{ttr("compareAuthoritative")}</Link>
        </p>
      ) : language && language !== localeCode(redline.authoritativeLanguage) ? (
        <p className="mb-8 max-w-3xl" data-testid="redline-language">
          {ttr("authoritative", { language: languageName(redline.authoritativeLanguage, locale) })}
        </p>
      ) : null}

      <nav aria-label={t("viewLabel")} className="mb-8">
        <ul className="flex flex-wrap gap-2">
          {(["inline", "side"] as const).map((v) => (
            <li key={v}>
              <Link
                href={href(v)}
                aria-current={view === v ? "page" : undefined}
                className={
                  view === v
                    ? "inline-block border-2 border-foreground bg-foreground px-4 py-1.5 font-semibold text-background no-underline"
                    : "inline-block border-2 border-foreground px-4 py-1.5 font-semibold text-foreground no-underline hover:bg-surface"
                }
              >
                {v === "inline" ? t("inline") : t("side")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <p className="mb-8 flex flex-wrap gap-x-6 gap-y-2 text-base sm:text-lg" aria-label={t("legendLabel")}>
        <span>
          <ins className="bg-success-subtle text-success-strong underline decoration-2 underline-offset-2">{t("legendInserted")}</ins>
        </span>
        <span>
          <del className="bg-destructive-subtle text-destructive-strong line-through decoration-2">{t("legendDeleted")}</del>
        </span>
      </p>

      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`${s.id}-heading`} className="mb-10">
          <h2 id={`${s.id}-heading`} className="mb-4 text-xl font-bold sm:text-2xl">
            {s.heading}
          </h2>
          {s.id === "text" && !changed(s.parts) ? <p className="mb-4 text-muted">{t("noTextChanges")}</p> : null}
          <div lang={redline.language}>
          {s.id === "text" ? (
            <ClauseDiff clauses={redline.clauses} view={view} from={from.number} to={to.number} />
          ) : view === "inline" ? (
            <DiffText parts={s.parts} show="inline" />
          ) : (
            <div className="grid gap-6 md:grid-cols-2 md:gap-8">
              <div className="min-w-0 border-t-4 border-destructive pt-3">
                <h3 className="mb-3 text-lg font-bold">{t("before", { version: from.number })}</h3>
                <DiffText parts={s.parts} show="before" />
              </div>
              <div className="min-w-0 border-t-4 border-success pt-3">
                <h3 className="mb-3 text-lg font-bold">{t("after", { version: to.number })}</h3>
                <DiffText parts={s.parts} show="after" />
              </div>
            </div>
          )}
          </div>
        </section>
      ))}

      <p>
        <Link href={base}>{t("back")}</Link>
      </p>
    </>
  );
}
