// The sentence for a notification, and what to do about it, from its event's kind and details: the
// same words in the notification centre, the immediate mail and the digest.
import { createTranslator } from "next-intl";
import { messages } from "../i18n/messages";
import type { EventKind } from "../schemas/notification-vocabulary";

const t = createTranslator({ locale: "en-GB", messages: messages.en, namespace: "notifications", timeZone: "UTC" });

type Details = Record<string, unknown>;

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Details as the messages take them: dates ("…On", "…By", "deadline") written out, the rest as text or numbers. */
function values(details: Details): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "number") out[key] = value;
    else if (typeof value === "string" && /(On|By|^deadline)$/.test(key) && !Number.isNaN(Date.parse(value))) out[key] = dateFormat.format(new Date(value));
    else out[key] = value == null ? "" : String(value);
  }
  return out;
}

const key = (kind: EventKind) => kind.replace(".", "_") as "norm_version";

export function describeEvent(kind: EventKind, details: Details): string {
  const sentence = t(`kinds.${key(kind)}`, values(details) as never);
  // A stage change carries the secretariat's outcome statement, when it wrote one.
  const outcome = kind === "norm.stage" && typeof details.outcome === "string" ? details.outcome.trim() : "";
  return outcome ? `${sentence} ${t("outcome", { outcome: outcome.length > 600 ? `${outcome.slice(0, 599)}…` : outcome })}` : sentence;
}

export function whatToDo(kind: EventKind): string {
  return t(`todo.${key(kind)}`);
}
