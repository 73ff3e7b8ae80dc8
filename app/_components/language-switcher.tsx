import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { LANGUAGE_NAMES, LANGUAGE_TAGS, LOCALES, type Locale } from "~/server/i18n/locales";
import { localeCode, localizePath, PATH_HEADER } from "~/server/i18n/paths";

/** The page being read, without its language prefix ("/norms?status=consultation"). */
export async function currentPath() {
  return (await headers()).get(PATH_HEADER) ?? "/";
}

/**
 * The address of the page being read in `locale`. English is asked for under /en/, which the
 * middleware redirects to the unprefixed address and remembers (an unprefixed link would send
 * someone who chose another language back to it).
 */
export const switchHref = (path: string, locale: Locale) => (locale === "en" ? `/en${path === "/" ? "" : path}` : localizePath(path, locale));

/**
 * The six languages, each named in itself, on every page (issue 20): a plain link to the same page
 * in that language, loaded in full, so the document's language and direction change with it.
 */
export async function LanguageSwitcher() {
  const [t, locale, path] = await Promise.all([getTranslations("languages.switcher"), getLocale(), currentPath()]);
  const current = localeCode(locale);
  return (
    <nav aria-label={t("label")} className="border-b border-background/30" data-testid="language-switcher">
      <ul className="mx-auto flex w-full max-w-5xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 text-base sm:px-6">
        {LOCALES.map((l) => (
          <li key={l}>
            {l === current ? (
              <span aria-current="page" className="font-bold" lang={LANGUAGE_TAGS[l]}>
                <span className="sr-only">{t("current", { language: LANGUAGE_NAMES[l] })}</span>
                <span aria-hidden="true">{LANGUAGE_NAMES[l]}</span>
              </span>
            ) : (
              <a href={switchHref(path, l)} hrefLang={LANGUAGE_TAGS[l]} lang={LANGUAGE_TAGS[l]} className="text-background underline underline-offset-4">
                {LANGUAGE_NAMES[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** rel="alternate" links to the page in each language (React places them in the head). */
export async function LanguageAlternates({ absolute }: { absolute: (path: string) => string }) {
  const path = await currentPath();
  return (
    <>
      {LOCALES.map((l) => (
        <link key={l} rel="alternate" hrefLang={LANGUAGE_TAGS[l]} href={absolute(localizePath(path, l))} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={absolute(path)} />
    </>
  );
}
