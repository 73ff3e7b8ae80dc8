import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "~/app/_components/link";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { Label } from "~/app/_components/ui/label";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { isLocale, LANGUAGE_TAGS, LOCALES, type Locale } from "~/server/i18n/locales";
import { localeCode } from "~/server/i18n/paths";
import { forumLocale } from "~/server/i18n/paths";
import { getVersion, parseVersion } from "../../../_components/get-norm";
import { languageName } from "../../../_components/translation-notice";
import { TranslateForm } from "./translate-form";

type Params = Promise<{ slug: string; n: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, n } = await params;
  const [version, t] = await Promise.all([getVersion(slug, parseVersion(n)), getTranslations("translations.form")]);
  return { title: `${t("title")}: ${version.title}` };
}

/**
 * Adding or replacing a translation of one version: first the language (a GET choice, so it works
 * without script), then the form, each field under the authoritative wording it translates.
 */
export default async function TranslateVersionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ slug, n }, query] = await Promise.all([params, searchParams]);
  const number = parseVersion(n);
  const [version, actor, t, tc, format, locale] = await Promise.all([
    getVersion(slug, number),
    getActor(),
    getTranslations("translations.form"),
    getTranslations("common.errors"),
    getFormatter(),
    getLocale(),
  ]);
  const own = forumLocale(version.language);
  const choices = LOCALES.filter((l) => l !== own);
  const asked = Array.isArray(query.language) ? query.language[0] : query.language;
  const reader = localeCode(locale);
  // The language asked for, else the reader's own when it is not the authoritative one.
  const language: Locale | null = isLocale(asked) && asked !== own ? asked : !asked && reader !== own ? reader : null;
  const data = language ? await api.norms.translation({ slug, number, language }) : null;
  const name = (code: string) => languageName(code, locale);
  const path = `/norms/${version.slug}/v/${version.number}`;
  const existing = data?.translation ?? null;

  return (
    <>
      <PageHeader caption={t("caption", { title: version.title, version: version.number })} title={t("title")} />
      <p className="mb-6">
        <Link href={path}>{t("back", { version: version.number })}</Link>
      </p>
      <p className="mb-6 max-w-2xl">{t("lead", { language: name(version.language) })}</p>
      {!actor ? (
        <p>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`${path}/translate${language ? `?language=${language}` : ""}`)}`} className="font-bold">
            {t("signIn")}
          </Link>
        </p>
      ) : data && !data.canTranslate ? (
        <Alert variant="info" className="max-w-3xl">
          <AlertDescription>
            <p>{t("notAllowed")}</p>
          </AlertDescription>
        </Alert>
      ) : (
        <>
          <form method="get" className="mb-8 flex flex-wrap items-end gap-4 bg-surface p-4 sm:p-5">
            <div>
              <Label htmlFor="translation-language" className="mb-1">
                {t("language")}
              </Label>
              <NativeSelect id="translation-language" name="language" defaultValue={language ?? ""} className="min-w-0">
                {language ? null : <option value="">{t("chooseLanguage")}</option>}
                {choices.map((code) => (
                  <option key={code} value={code} lang={LANGUAGE_TAGS[code]}>
                    {name(code)}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" variant="secondary" worksWithoutScript>
              {t("choose")}
            </Button>
          </form>
          {data && language ? (
            <section aria-labelledby="translation-heading">
              <h2 id="translation-heading" className="mb-3 text-xl font-bold sm:text-2xl">
                {t("into", { language: name(language) })}
              </h2>
              {existing ? (
                <p className="mb-6 max-w-2xl">{t("replacing", { language: name(language), name: existing.providedBy, date: format.dateTime(existing.providedAt, { dateStyle: "long" }) })}</p>
              ) : null}
              <TranslateForm
                key={language}
                normId={data.norm.id}
                version={version.number}
                language={language}
                lang={LANGUAGE_TAGS[language]}
                authoritative={{ language: version.language, title: data.version.title, summary: data.version.summary, clauses: data.version.clauses, rationale: data.version.rationale }}
                values={{
                  language,
                  title: existing?.title ?? "",
                  summary: existing?.summary ?? "",
                  rationale: existing?.rationale ?? "",
                  clause: existing?.clauses ?? data.version.clauses.map(() => ""),
                }}
                labels={{
                  original: t("original"),
                  title: t("titleLabel"),
                  summary: t("summaryLabel"),
                  clauses: t("clausesLegend"),
                  clause: data.version.clauses.map((_, i) => t("clauseLabel", { number: i + 1 })),
                  rationale: t("rationaleLabel"),
                  rationaleHint: t("rationaleHint"),
                  submit: t("submit"),
                  errorPrefix: tc("errorPrefix"),
                }}
              />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
