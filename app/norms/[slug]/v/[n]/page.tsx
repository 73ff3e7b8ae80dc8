import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { forumLocale } from "~/server/i18n/paths";
import { LANGUAGE_TAGS } from "~/server/i18n/locales";
import { localeCode } from "~/server/i18n/paths";
import { AuthoritativeNotice, TranslationNotice } from "../../_components/translation-notice";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api } from "~/app/_trpc/server";
import { appUrl } from "~/server/app-url";
import { NormStatusBadge } from "../../../_components/norm-badges";
import { Clauses } from "../../_components/clauses";
import { getVersion, parseVersion } from "../../_components/get-norm";

type Params = Promise<{ slug: string; n: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadVersion(params: Params) {
  const { slug, n } = await params;
  return getVersion(slug, parseVersion(n));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [version, t] = await Promise.all([loadVersion(params), getTranslations("norms.version")]);
  return { title: t("metaTitle", { title: version.title, version: version.number }), description: version.summary };
}

export default async function NormVersionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [version, t, format, locale, query] = await Promise.all([loadVersion(params), getTranslations("norms.version"), getFormatter(), getLocale(), searchParams]);
  // The version in the reader's language (from the address) when it has a translation into it,
  // marked as one; `?text=authoritative` shows the authoritative text.
  const reader = localeCode(locale);
  const translation = reader === forumLocale(version.language) ? null : (await api.norms.translation({ slug: version.slug, number: version.number, language: reader })).translation;
  const translated = translation && query.text !== "authoritative" ? translation : null;
  const shown = translated
    ? { lang: LANGUAGE_TAGS[translated.language], title: translated.title, summary: translated.summary, clauses: translated.clauses }
    : { lang: version.language, title: version.title, summary: version.summary, clauses: version.clauses };
  // Norms never submitted are not discussed, so they have no comment counts.
  const counts = !version.isPublic ? null : await api.comments.clauseCounts({ slug: version.slug, version: version.number });
  const date = format.dateTime(version.createdAt, { dateStyle: "long" });
  const base = `/norms/${version.slug}`;
  const path = `${base}/v/${version.number}`;
  const url = `${appUrl()}${path}`;
  const isCurrent = version.number === version.currentVersion;

  return (
    <>
      <PageHeader
        caption={t("caption", { version: version.number })}
        title={<span lang={shown.lang}>{shown.title}</span>}
        description={
          <p className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <NormStatusBadge status={version.status} />
            <span className="text-base text-muted sm:text-lg">{isCurrent ? t("isCurrent") : t("isEarlier")}</span>
          </p>
        }
      />

      {translated ? (
        <div className="mb-8">
          <TranslationNotice translation={translated} authoritativeLanguage={version.language} authoritativeHref={`${path}?text=authoritative`} currentVersion={version.currentVersion} />
        </div>
      ) : translation ? (
        <AuthoritativeNotice language={translation.language} authoritativeLanguage={version.language} translationHref={path} />
      ) : null}

      {!isCurrent ? (
        <Alert variant="info" className="mb-8 max-w-3xl">
          <AlertTitle>{t("notCurrentTitle", { current: version.currentVersion })}</AlertTitle>
          <AlertDescription>
            <p>{t("notCurrentText", { version: version.number })}</p>
            <ul className="flex flex-col gap-1">
              <li>
                <Link href={base}>{t("readCurrent", { current: version.currentVersion })}</Link>
              </li>
              <li>
                <Link href={`${base}/redline?from=${version.number}&to=${version.currentVersion}`}>
                  {t("compareWithCurrent", { version: version.number, current: version.currentVersion })}
                </Link>
              </li>
            </ul>
          </AlertDescription>
        </Alert>
      ) : (
        <p className="mb-8">
          <Link href={base}>{t("backToNorm")}</Link>
        </p>
      )}

      <section aria-labelledby="summary-heading" className="mb-10">
        <h2 id="summary-heading" className="mb-3 text-xl font-bold sm:text-2xl">
          {t("summary")}
        </h2>
        <p className="max-w-2xl text-lg whitespace-pre-line sm:text-xl" lang={shown.lang}>
          {shown.summary}
        </p>
      </section>

      <h2 className="sr-only">{t("details")}</h2>
      <DescriptionList
        className="max-w-3xl"
        items={[
          { id: "version", term: t("version"), details: String(version.number) },
          { id: "changes", term: t("changeSummary"), details: version.changeSummary },
          { id: "author", term: t("author"), details: version.authorName },
          { id: "date", term: t("date"), details: <time dateTime={version.createdAt.toISOString()}>{date}</time> },
        ]}
      />

      <section aria-labelledby="text-heading" className="mb-10">
        <h2 id="text-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("text")}
        </h2>
        <Clauses
          clauses={shown.clauses}
          language={shown.lang}
          labelledBy="text-heading"
          comments={counts ? { slug: version.slug, version: version.number, byClause: counts.byClause } : undefined}
        />
      </section>

      <section aria-labelledby="cite-heading" className="max-w-3xl border-s-8 border-border bg-surface p-4 sm:p-5">
        <h2 id="cite-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {t("citeTitle")}
        </h2>
        <p className="mb-3">{t("citeLead")}</p>
        <p className="break-words">
          <cite className="not-italic">{t("citation", { title: version.title, version: version.number, date, url })}</cite>
        </p>
      </section>
    </>
  );
}
