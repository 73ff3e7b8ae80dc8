import { getRequestConfig } from "next-intl/server";
import { messages } from "./messages";
import { clock } from "../clock";

// English only for now; the locale will come from the person's setting or the URL later. British
// English, like the forum's wording: "23 November 2026", a 24-hour clock, as in the report PDF.
export default getRequestConfig(async () => ({
  locale: "en-GB",
  timeZone: "UTC",
  // "In 12 days", "3 hours ago": counted from the forum's clock.
  now: clock.now(),
  messages: messages.en,
}));
