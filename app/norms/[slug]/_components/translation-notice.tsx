import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "~/app/_components/link";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";

/** A language's name in the reader's language, from its code or tag ("fr", "zh-Hans"): "French", "français", "法语". */
export function languageName(tag: string, locale: string): string {
  const code = tag.split("-")[0]!.toLowerCase();
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * Said wherever a translation stands in for the authoritative text: into which language, by whom
 * and when, the authoritative language, and the authoritative text one click away. A translation of
 * an earlier version than the current one says so.
 */
export async function TranslationNotice({
  translation,
  authoritativeLanguage,
  authoritativeHref,
  currentVersion,
}: {
  translation: { language: string; version: number; providedBy: string; providedAt: Date };
  authoritativeLanguage: string;
  /** The same page with the authoritative text (…?text=authoritative). */
  authoritativeHref: string;
  currentVersion: number;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("translations.notice"), getFormatter(), getLocale()]);
  const older = translation.version < currentVersion;
  return (
    <Alert variant="info" className="max-w-3xl" data-testid="translation-notice">
      <AlertTitle>{older ? t("olderTitle", { version: translation.version }) : t("title")}</AlertTitle>
      <AlertDescription>
        <p>
          {t("provided", {
            language: languageName(translation.language, locale),
            name: translation.providedBy,
            date: format.dateTime(translation.providedAt, { dateStyle: "long" }),
            authoritative: languageName(authoritativeLanguage, locale),
          })}
        </p>
        {older ? <p>{t("older", { version: translation.version, current: currentVersion })}</p> : null}
        <p>
          <Link href={authoritativeHref} className="font-bold">
            {t("readAuthoritative", { language: languageName(authoritativeLanguage, locale) })}
          </Link>
        </p>
      </AlertDescription>
    </Alert>
  );
}

/** On the authoritative text, when the reader's language has a translation: the way back to it. */
export async function AuthoritativeNotice({ language, translationHref, authoritativeLanguage }: { language: string; translationHref: string; authoritativeLanguage: string }) {
  const [t, locale] = await Promise.all([getTranslations("translations.notice"), getLocale()]);
  return (
    <p className="mb-8 max-w-3xl" data-testid="authoritative-notice">
      {t("readingAuthoritative", { language: languageName(authoritativeLanguage, locale) })}{" "}
      <Link href={translationHref}>{t("readTranslation", { language: languageName(language, locale) })}</Link>
    </p>
  );
}
