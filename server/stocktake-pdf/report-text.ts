// The report's words in one of the forum's six languages: its fixed text from
// messages/<locale>/reportPdf.json, the vocabulary's labels (stakeholder types, regions, categories,
// stances) from messages/<locale>/vocabulary.json, and dates, numbers and country names from Intl
// for the language. The English report reads exactly as it did before it had other languages.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import ar from "~/messages/ar/reportPdf.json";
import en from "~/messages/en/reportPdf.json";
import es from "~/messages/es/reportPdf.json";
import fr from "~/messages/fr/reportPdf.json";
import ru from "~/messages/ru/reportPdf.json";
import zh from "~/messages/zh/reportPdf.json";
import vocabularyEn from "~/messages/en/vocabulary.json";
import { FORMAT_TAGS, isRtl, LANGUAGE_TAGS, type Locale } from "~/server/i18n/locales";

type ReportMessages = typeof en;
const reportMessages: Record<Locale, ReportMessages> = { en, ar, es, fr, ru, zh };

type Vocabulary = typeof vocabularyEn;
type Labels = Record<string, string>;

/**
 * The language's vocabulary labels, each falling back to English. Read from the project's folder
 * (as fonts.ts reads the fonts) rather than imported: the report renders on a thread of its own,
 * and a missing translation must not stop it.
 */
function vocabularyOf(locale: Locale): Vocabulary {
  if (locale === "en") return vocabularyEn;
  const file = path.join(process.cwd(), "messages", locale, "vocabulary.json");
  const own = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Record<keyof Vocabulary, Labels>>) : {};
  const out: Record<string, Labels> = {};
  for (const [group, labels] of Object.entries(vocabularyEn) as [keyof Vocabulary, Labels][]) out[group] = { ...labels, ...(own[group] ?? {}) };
  return out as Vocabulary;
}

/** Marks Intl puts around Arabic numbers and percentages: the report's text sets its own direction. */
const bidiMarks = /[\u200e\u200f\u061c]/g;

export type ReportTranslate = ReturnType<typeof createTranslator<{ reportPdf: ReportMessages }, "reportPdf">>;

export interface ReportText {
  locale: Locale;
  /** The PDF's language tag (en-GB, ar, zh-Hans, …). */
  languageTag: string;
  rtl: boolean;
  t: ReportTranslate;
  /** "23 November 2026", in UTC; accepts an ISO timestamp or a plain `YYYY-MM-DD` date. */
  date: (iso: string) => string;
  /** "09:30", in UTC. */
  time: (iso: string) => string;
  /** A count as the language groups its digits. */
  count: (n: number) => string;
  /** "45%", or "–" for none. */
  percent: (n: number | null) => string;
  /** "0.45", or "–" for none. */
  decimal2: (n: number | null) => string;
  /** A country's name in the language, or the code itself where it has none. */
  country: (code: string | null) => string;
  /** "a, b, c". */
  list: (items: string[]) => string;
  stakeholderType: (key: string) => string;
  region: (key: string) => string;
  category: (key: string) => string;
  normStatus: (key: string) => string;
  stance: (key: string) => string;
}

const cache = new Map<Locale, ReportText>();

export function reportText(locale: Locale = "en"): ReportText {
  const known = cache.get(locale);
  if (known) return known;
  const tag = FORMAT_TAGS[locale];
  const clean = (s: string) => s.replace(bidiMarks, "");
  const dateFormat = new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const timeFormat = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
  const countFormat = new Intl.NumberFormat(tag);
  const percentFormat = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const decimalSeparator = new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  const countries = new Intl.DisplayNames([LANGUAGE_TAGS[locale]], { type: "region" });
  const vocabulary = vocabularyOf(locale);
  const label = (group: Labels) => (key: string) => group[key] ?? key;
  const text: ReportText = {
    locale,
    languageTag: LANGUAGE_TAGS[locale],
    rtl: isRtl(locale),
    t: createTranslator({ locale: tag, messages: { reportPdf: reportMessages[locale] }, namespace: "reportPdf" }),
    date: (iso) => clean(dateFormat.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso))),
    time: (iso) => clean(timeFormat.format(new Date(iso))),
    count: (n) => clean(countFormat.format(n)),
    // Rounded first, as the English report always has (Math.round), then formatted for the language.
    percent: (n) => (n === null ? "–" : clean(percentFormat.format(Math.round(n * 100) / 100))),
    decimal2: (n) => (n === null ? "–" : n.toFixed(2).replace(".", decimalSeparator)),
    country: (code) => {
      if (!code) return "–";
      try {
        return countries.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    list: (items) => items.join(locale === "zh" ? "、" : locale === "ar" ? "، " : ", "),
    stakeholderType: label(vocabulary.stakeholderType),
    region: label(vocabulary.region),
    category: label(vocabulary.category),
    normStatus: label(vocabulary.normStatus),
    stance: label(vocabulary.stance),
  };
  cache.set(locale, text);
  return text;
}
