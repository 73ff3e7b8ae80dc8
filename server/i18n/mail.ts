// Mail in the recipient's language (docs/languages.md, "Mail"): each person's language is
// users.locale (the language of the page they signed up on, changed on /account); mail to an
// address with no account yet goes in the language the request came in. The words come from
// messages/<locale>/mail.json (account mail) and notifications.json (notification mail and
// digests), dates are formatted by Intl for the language, and links lead to the page in it.
import { inArray } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { DbOrTx } from "~/db/connect";
import { users } from "~/db/schema";
import { appUrl } from "../app-url";
import { nameForMail } from "../domain/mail-name";
import { DEFAULT_LOCALE, FORMAT_TAGS, isLocale, type Locale } from "./locales";
import { loadMessages, type Messages } from "./messages";
import { localizePath } from "./paths";

/** A stored language (users.locale), or English for anything the forum does not have. */
export const mailLocale = (stored: string | null | undefined): Locale => (isLocale(stored) ? stored : DEFAULT_LOCALE);

/** The languages of these people's mail, by user id (English for an unknown id). */
export async function mailLocales(db: DbOrTx, userIds: string[]): Promise<Map<string, Locale>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, mailLocale(r.locale)]));
}

/** The language of one person's mail. */
export async function mailLocaleOf(db: DbOrTx, userId: string): Promise<Locale> {
  return (await mailLocales(db, [userId])).get(userId) ?? DEFAULT_LOCALE;
}

/** An absolute link to `path` ("/reset-password?token=…") as read in `locale` (/fr/reset-password…). */
export const mailLink = (path: string, locale: Locale) => `${appUrl()}${localizePath(path, locale)}`;

/** A date written out for `locale` ("3 December 2026", "3 décembre 2026"), in UTC as the forum dates things. */
export const mailDate = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(FORMAT_TAGS[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);

/** A date and time written out for `locale`, in UTC. */
export const mailDateTime = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(FORMAT_TAGS[locale], { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(date);

/** `locale`'s messages and the format tag to translate with, outside any request (as next-intl allows). */
export async function mailMessages(locale: Locale): Promise<{ locale: string; messages: Messages; timeZone: "UTC" }> {
  return { locale: FORMAT_TAGS[locale], messages: await loadMessages(locale), timeZone: "UTC" };
}

/** Paragraphs of a plain-text mail: a blank line between each, a line break at the end. */
export const paragraphs = (...parts: string[]) => `${parts.join("\n\n")}\n`;

/** The account mails' words in `locale`, with the greeting ("Hello Ana," or, without a usable name, "Hello,"). */
export async function accountMail(locale: Locale) {
  const t = createTranslator({ ...(await mailMessages(locale)), namespace: "mail" });
  const greeting = (displayName: string | null) => {
    const name = displayName === null ? null : nameForMail(displayName);
    return name ? t("greeting", { name }) : t("greetingNoName");
  };
  return { t, greeting, link: (path: string) => mailLink(path, locale), date: (d: Date) => mailDate(d, locale) };
}
