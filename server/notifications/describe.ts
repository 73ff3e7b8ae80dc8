// The sentence for a notification, and what to do about it, from its event's kind and details: the
// same words in the notification centre, the immediate mail and the digest, in any of the forum's
// languages (mail in the recipient's, docs/languages.md, "Mail").
import { createTranslator } from "next-intl";
import { mailMessages } from "../i18n/mail";
import { FORMAT_TAGS, type Locale } from "../i18n/locales";
import { messages } from "../i18n/messages";
import type { EventKind } from "../schemas/notification-vocabulary";

type Details = Record<string, unknown>;
type Translate = ReturnType<typeof createTranslator<typeof messages.en, "notifications">>;

/** Details as the messages take them: dates ("…On", "…By", "deadline") written out, the rest as text or numbers. */
function values(details: Details, dateFormat: Intl.DateTimeFormat): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "number") out[key] = value;
    else if (typeof value === "string" && /(On|By|^deadline)$/.test(key) && !Number.isNaN(Date.parse(value))) out[key] = dateFormat.format(new Date(value));
    else out[key] = value == null ? "" : String(value);
  }
  return out;
}

const key = (kind: EventKind) => kind.replace(".", "_") as "norm_version";

/**
 * The person an event names, in the reader's language: "a former member" once their account is
 * deleted (details.formerMember), and "… on behalf of …" when they spoke for an organisation
 * (details.onBehalfOf). Events written before these were stored apart carry the English words.
 */
function personOf(details: Details, t: Translate, formerMember: string): Details {
  if (typeof details.person !== "string") return details;
  const name = details.formerMember === true ? formerMember : details.person;
  const person = typeof details.onBehalfOf === "string" ? t("person.onBehalfOf", { name, organization: details.onBehalfOf }) : name;
  return { ...details, person };
}

function describer(t: Translate, formatTag: string, formerMember: string) {
  const dateFormat = new Intl.DateTimeFormat(formatTag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return {
    describeEvent(kind: EventKind, details: Details): string {
      const sentence = t(`kinds.${key(kind)}`, values(personOf(details, t, formerMember), dateFormat) as never);
      // A stage change carries the secretariat's outcome statement, when it wrote one.
      const outcome = kind === "norm.stage" && typeof details.outcome === "string" ? details.outcome.trim() : "";
      return outcome ? `${sentence} ${t("outcome", { outcome: outcome.length > 600 ? `${outcome.slice(0, 599)}…` : outcome })}` : sentence;
    },
    whatToDo(kind: EventKind): string {
      return t(`todo.${key(kind)}`);
    },
  };
}

const english = describer(createTranslator({ locale: "en-GB", messages: messages.en, namespace: "notifications", timeZone: "UTC" }), "en-GB", messages.en.common.person.formerMember);

/** The sentences in `locale`: its messages, its dates. */
export async function describerFor(locale: Locale) {
  if (locale === "en") return english;
  const inLocale = await mailMessages(locale);
  return describer(createTranslator({ ...inLocale, namespace: "notifications" }), FORMAT_TAGS[locale], inLocale.messages.common.person.formerMember);
}

export const describeEvent = english.describeEvent;
export const whatToDo = english.whatToDo;
