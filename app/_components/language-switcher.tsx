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

/** The six languages with what the switcher shows for each: the current one, or a link to this page in it. */
async function languageLinks() {
  const [t, locale, path] = await Promise.all([getTranslations("languages.switcher"), getLocale(), currentPath()]);
  const current = localeCode(locale);
  const items = LOCALES.map((l) =>
    l === current ? (
      <span aria-current="page" className="font-bold" lang={LANGUAGE_TAGS[l]}>
        <span className="sr-only">{t("current", { language: LANGUAGE_NAMES[l] })}</span>
        <span aria-hidden="true">{LANGUAGE_NAMES[l]}</span>
      </span>
    ) : (
      <a href={switchHref(path, l)} hrefLang={LANGUAGE_TAGS[l]} lang={LANGUAGE_TAGS[l]} className="text-background underline underline-offset-4">
        {LANGUAGE_NAMES[l]}
      </a>
    ),
  );
  return { t, current, items };
}

/**
 * The six languages, each named in itself, on every page (issue 20): a plain link to the same page
 * in that language, loaded in full, so the document's language and direction change with it. A row
 * above the header on wide screens; on a phone, LanguageMenu in the header's row instead.
 */
export async function LanguageSwitcher() {
  const { t, items } = await languageLinks();
  return (
    <nav aria-label={t("label")} className="hidden border-b border-background/30 lg:block" data-testid="language-switcher">
      <ul className="mx-auto flex w-full max-w-5xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 text-base sm:px-6">
        {items.map((item, i) => (
          <li key={LOCALES[i]}>{item}</li>
        ))}
      </ul>
    </nav>
  );
}

/** The same links behind a disclosure showing the page's language, so a phone's header keeps one row. */
export async function LanguageMenu() {
  const { t, current, items } = await languageLinks();
  return (
    <details className="lg:hidden" data-testid="language-menu">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-1 py-1 font-semibold underline underline-offset-4 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">{t("label")}: </span>
        <span lang={LANGUAGE_TAGS[current]}>{LANGUAGE_NAMES[current]}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <nav aria-label={t("label")} className="absolute inset-x-0 top-full z-40 border-b-8 border-primary bg-foreground px-4 py-4 sm:px-6">
        <ul className="flex flex-col items-start gap-y-3">
          {items.map((item, i) => (
            <li key={LOCALES[i]}>{item}</li>
          ))}
        </ul>
      </nav>
    </details>
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
