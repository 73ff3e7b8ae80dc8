// The sentences the server composes (a refusal, a field error, a notice) are written in English in
// the code, where they are read and tested; messages/<locale>/serverText.json holds each of them in
// every language, filed under a hash of its English (server/i18n/server-text-extract.ts keeps the
// English file in step with the code). At the boundary where a sentence leaves for a person (the
// tRPC error formatter, a form's server action, a page), `localizeServerText` finds the sentence in
// the English catalogue, exactly or as a template whose {0}, {1}… are values, and gives it in the
// person's language with the same values; a sentence it does not know stays as it was.
import { createTranslator } from "next-intl";
import { z } from "zod";
import arabic from "~/messages/ar/serverText.json";
import english from "~/messages/en/serverText.json";
import spanish from "~/messages/es/serverText.json";
import french from "~/messages/fr/serverText.json";
import russian from "~/messages/ru/serverText.json";
import chinese from "~/messages/zh/serverText.json";
import { FORMAT_TAGS, type Locale } from "./locales";

interface Catalogue {
  wait: Record<"seconds" | "minutes", string>;
  text: Record<string, string>;
}

/** A template: its literal parts around the arguments, in order, and the argument names. */
interface Template {
  key: string;
  parts: string[];
  args: string[];
}

/** One piece of an ICU message's literal text with its quoting undone ('' → ', '}}' → }}). */
function unquote(piece: string): string {
  if (piece === "''") return "'";
  return /^'[{}]+'$/.test(piece) ? piece.slice(1, -1) : piece;
}

function compile(catalogue: Catalogue) {
  const exact = new Map<string, string>();
  const templates: Template[] = [];
  for (const [key, icu] of Object.entries(catalogue.text)) {
    // Arguments are {0}, {1}…; quoted braces are literal text (server-text-extract.ts writes them).
    const pieces = icu.split(/('[{}]+'|''|\{\d+\})/);
    const parts: string[] = [""];
    const args: string[] = [];
    for (const piece of pieces) {
      const arg = /^\{(\d+)\}$/.exec(piece);
      if (arg) {
        args.push(arg[1]!);
        parts.push("");
      } else parts[parts.length - 1] += unquote(piece);
    }
    if (args.length === 0) exact.set(parts[0]!, key);
    else templates.push({ key, parts, args });
  }
  // The template with the most literal text first, so "Version {0} was saved" is tried before "{0}.".
  templates.sort((a, b) => b.parts.join("").length - a.parts.join("").length);
  return { exact, templates };
}

const compiled = compile(english as Catalogue);

/**
 * The values of `text` read as `template`, or null if it does not fit: each literal part is found
 * in order with indexOf (no regular expression, so the time is linear in the text's length).
 */
function valuesOf(text: string, template: Template): string[] | null {
  const { parts } = template;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!text.startsWith(first) || !text.endsWith(last) || text.length < first.length + last.length) return null;
  const values: string[] = [];
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const found = text.indexOf(part, at + 1);
    if (found < 0 || found > end) return null;
    values.push(text.slice(at, found));
    at = found + part.length;
  }
  if (at > end) return null;
  values.push(text.slice(at, end));
  return values.every((v) => v.length > 0) ? values : null;
}

// Imported, not loaded on demand: the tRPC error formatter that uses them is synchronous, and
// together they are a few hundred kilobytes of the server's memory, never sent to a browser.
const catalogues: Record<Locale, Catalogue> = { en: english, ar: arabic, zh: chinese, fr: french, ru: russian, es: spanish };

const WAIT = /^(\d+) (second|minute)s?$/;
const ENGLISH_NUMBER = /^\d{1,3}(?:,\d{3})+$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
// A date as the domain writes it in a sentence ("30 January 2027", en-GB, UTC).
const ENGLISH_DATE = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/;

/** A value as the language writes it: a wait in its words, a number with its separators, a date in its calendar words. */
function localValue(value: string, locale: Locale, catalogue: Catalogue): string {
  const date = ENGLISH_DATE.exec(value);
  const month = date ? MONTHS.indexOf(date[2]!) : -1;
  if (date && month >= 0) {
    const day = new Date(Date.UTC(Number(date[3]), month, Number(date[1])));
    return new Intl.DateTimeFormat(FORMAT_TAGS[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(day);
  }
  const wait = WAIT.exec(value);
  if (wait) {
    const unit = wait[2] === "second" ? "seconds" : "minutes";
    return translator(locale, catalogue)(`wait.${unit}`, { count: Number(wait[1]) });
  }
  if (ENGLISH_NUMBER.test(value)) return new Intl.NumberFormat(FORMAT_TAGS[locale]).format(Number(value.replace(/,/g, "")));
  return value;
}

function translator(locale: Locale, catalogue: Catalogue) {
  // Typed loosely: the keys are hashes and the arguments numbered.
  return createTranslator({ locale: FORMAT_TAGS[locale], messages: catalogue as never }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}

/** `text`, written by the server in English, in `locale`; unchanged if the catalogue does not hold it. */
export function localizeServerText(text: string, locale: Locale): string {
  if (locale === "en" || !text) return text;
  const catalogue = catalogues[locale];
  const key = compiled.exact.get(text);
  if (key) {
    return catalogue.text[key] ? translator(locale, catalogue)(`text.${key}`) : text;
  }
  for (const template of compiled.templates) {
    const values = valuesOf(text, template);
    if (!values) continue;
    if (!catalogue.text[template.key]) return text;
    return translator(locale, catalogue)(
      `text.${template.key}`,
      Object.fromEntries(template.args.map((name, i) => [name, localValue(values[i]!, locale, catalogue)])),
    );
  }
  return text;
}

/** Each field's message in `locale`. */
export function localizeFieldErrors(fieldErrors: Record<string, string>, locale: Locale): Record<string, string> {
  if (locale === "en") return fieldErrors;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [field, localizeServerText(message, locale)]));
}

const zodLocales = { ar: z.locales.ar, zh: z.locales.zhCN, fr: z.locales.fr, ru: z.locales.ru, es: z.locales.es } as const;
const zodEnglish = z.locales.en().localeError;

/**
 * The message of one issue of an input schema in `locale`: the schema's own sentence from the
 * catalogue, or, where the schema left zod's default ("Too small: expected string to have >=1
 * characters"), zod's own message in that language.
 */
export function localizeZodIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  if (locale === "en") return issue.message;
  const asDefault = zodEnglish(issue as unknown as z.core.$ZodRawIssue);
  const englishDefault = typeof asDefault === "string" ? asDefault : asDefault?.message;
  if (englishDefault === issue.message) {
    const local = zodLocales[locale].call(null).localeError(issue as unknown as z.core.$ZodRawIssue);
    const message = typeof local === "string" ? local : local?.message;
    if (message) return message;
  }
  return localizeServerText(issue.message, locale);
}
