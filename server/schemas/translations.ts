import { z } from "zod";
import { LOCALES } from "~/server/i18n/locales";
import { wholeNumber } from "./numbers";
import { metadataFields, textFields } from "./norms";

/** One of the forum's six languages, by its code (server/i18n/locales.ts). */
export const translationLanguage = z.enum(LOCALES, { error: "Choose one of the forum's languages: Arabic, Chinese, English, French, Russian or Spanish." });

/** A translation of one version's title, summary, clauses and rationale, with the bounds of the version's own fields. */
export const translateInput = z.strictObject({
  normId: z.uuid(),
  version: wholeNumber("The version"),
  language: translationLanguage,
  ...textFields,
  rationale: metadataFields.rationale,
});

export const translationInput = z.strictObject({
  slug: z.string().min(1).max(120),
  number: wholeNumber("The version"),
  language: translationLanguage,
});
