// The forum's languages: the six of the United Nations (issue 20). English is served at the
// unprefixed paths (/norms), every other language under its code (/fr/norms).

export const LOCALES = ["en", "ar", "zh", "fr", "ru", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** Written right to left. */
export const isRtl = (locale: Locale) => locale === "ar";

/** The document's lang attribute: British English, Simplified Chinese. */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: "en-GB", ar: "ar", zh: "zh-Hans", fr: "fr", ru: "ru", es: "es" };

/** What dates and numbers are formatted with (Intl): as LANGUAGE_TAGS, Arabic with Western digits as in the UN's Arabic documents. */
export const FORMAT_TAGS: Record<Locale, string> = { ...LANGUAGE_TAGS, ar: "ar-u-nu-latn" };

/** Each language's name in itself, as the switcher shows it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", ar: "العربية", zh: "中文", fr: "Français", ru: "Русский", es: "Español" };
