import { getRequestConfig } from "next-intl/server";
import { messages } from "./messages";

// English only for now; the locale will come from the person's setting or the URL later.
export default getRequestConfig(async () => ({
  locale: "en",
  timeZone: "UTC",
  messages: messages.en,
}));
