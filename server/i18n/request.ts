import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { clock } from "../clock";
import { FORMAT_TAGS } from "./locales";
import { loadMessages } from "./messages";
import { requestLocale } from "./paths";

// The page's language comes from its address (the middleware passes it in a request header; see
// server/i18n/paths.ts). The locale next-intl formats with is the language's tag: British English
// ("23 November 2026", a 24-hour clock, as in the report PDF), Simplified Chinese, and Arabic with
// the Western digits of the UN's Arabic documents.
export default getRequestConfig(async () => {
  const locale = requestLocale(await headers());
  return {
    locale: FORMAT_TAGS[locale],
    timeZone: "UTC",
    // "In 12 days", "3 hours ago": counted from the forum's clock.
    now: clock.now(),
    messages: await loadMessages(locale),
  };
});
