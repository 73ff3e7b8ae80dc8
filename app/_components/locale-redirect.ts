import "server-only";
// redirect() to a page of the forum in the reader's language (server/i18n/paths.ts): "/account"
// from a French page goes to "/fr/account".
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { localizePath } from "~/server/i18n/paths";

export async function localeRedirect(path: string): Promise<never> {
  redirect(localizePath(path, await getLocale()));
}

/** `path` in the reader's language, for a form's action or a link built on the server. */
export async function localePath(path: string): Promise<string> {
  return localizePath(path, await getLocale());
}
