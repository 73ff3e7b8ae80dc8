// The messages, one file per area of the site (messages/<locale>/*.json), under one namespace each:
// English imported here (its shape is the type every language has), the others loaded when first asked for.
import type { Locale } from "./locales";
import account from "~/messages/en/account.json";
import admin from "~/messages/en/admin.json";
import amendments from "~/messages/en/amendments.json";
import auth from "~/messages/en/auth.json";
import clearance from "~/messages/en/clearance.json";
import codebook from "~/messages/en/codebook.json";
import common from "~/messages/en/common.json";
import compare from "~/messages/en/compare.json";
import discussion from "~/messages/en/discussion.json";
import governance from "~/messages/en/governance.json";
import normForm from "~/messages/en/normForm.json";
import notificationCentre from "~/messages/en/notificationCentre.json";
import notifications from "~/messages/en/notifications.json";
import norms from "~/messages/en/norms.json";
import openData from "~/messages/en/openData.json";
import methodology from "~/messages/en/methodology.json";
import moderation from "~/messages/en/moderation.json";
import organizations from "~/messages/en/organizations.json";
import positions from "~/messages/en/positions.json";
import privacy from "~/messages/en/privacy.json";
import processMessages from "~/messages/en/process.json";
import reference from "~/messages/en/reference.json";
import reportPdf from "~/messages/en/reportPdf.json";
import houseRules from "~/messages/en/houseRules.json";
import languages from "~/messages/en/languages.json";
import library from "~/messages/en/library.json";
import mail from "~/messages/en/mail.json";
import search from "~/messages/en/search.json";
import security from "~/messages/en/security.json";
import sponsors from "~/messages/en/sponsors.json";
import states from "~/messages/en/states.json";
import secretariat from "~/messages/en/secretariat.json";
import stocktakes from "~/messages/en/stocktakes.json";
import stocktakeAdmin from "~/messages/en/stocktakeAdmin.json";
import vocabulary from "~/messages/en/vocabulary.json";
import translations from "~/messages/en/translations.json";

export const messages = {
  en: { common, vocabulary, auth, account, organizations, secretariat, admin, normForm, norms, amendments, openData, reference, compare, search, positions, methodology, moderation, stocktakeAdmin, discussion, stocktakes, privacy, security, sponsors, states, governance, clearance, codebook, notifications, notificationCentre, process: processMessages, library, languages, houseRules, mail, translations, reportPdf },
};

export type Messages = (typeof messages)["en"];

type Tree = { [key: string]: string | Tree };

/** `over` laid on `base`: each of base's keys from `over` where it has it (a missing translation reads in English). */
function overlay(base: Tree, over: Tree | undefined): Tree {
  if (!over) return base;
  const out: Tree = {};
  for (const [key, value] of Object.entries(base)) {
    const other = over[key];
    out[key] = typeof value === "string" ? (typeof other === "string" ? other : value) : overlay(value, typeof other === "object" ? other : undefined);
  }
  return out;
}

const loaded = new Map<Locale, Promise<Messages>>();

/**
 * The messages of one of the forum's languages (messages/<locale>/*.json), loaded once per process;
 * tests/messages-locales.test.ts holds each language to the English keys, so the English a missing
 * key falls back to is only ever a safety net.
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === "en") return Promise.resolve(messages.en);
  let pending = loaded.get(locale);
  if (!pending) {
    pending = Promise.all(
      Object.keys(messages.en).map(async (namespace) => {
        try {
          const file = (await import(`../../messages/${locale}/${namespace}.json`)) as { default: Tree };
          return [namespace, file.default] as const;
        } catch {
          return [namespace, undefined] as const;
        }
      }),
    ).then((files) => overlay(messages.en as unknown as Tree, Object.fromEntries(files.filter(([, tree]) => tree)) as Tree) as unknown as Messages);
    loaded.set(locale, pending);
  }
  return pending;
}
