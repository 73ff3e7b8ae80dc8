// Every language's messages against the English ones (issue 20; server/i18n/translation-check.ts):
// none missing or extra, ICU that parses with the English arguments, tags and select options,
// plural categories as CLDR gives each language, translated (not the English text) and in the
// language's script.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES } from "~/server/i18n/locales";
import { checkTranslation, type Tree } from "~/server/i18n/translation-check";

const root = new URL("../messages/", import.meta.url);
const read = (path: URL) => JSON.parse(readFileSync(path, "utf8")) as Tree;
const namespaces = readdirSync(new URL("en/", root)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
const catalogue = (locale: string) => {
  const tree: Tree = {};
  for (const ns of namespaces) {
    const file = new URL(`${locale}/${ns}.json`, root);
    if (existsSync(file)) tree[ns] = read(file);
  }
  return tree;
};
const allowed = (locale: string) => {
  const own = new URL(`same-as-english/${locale}.json`, root);
  return new Set([...Object.keys(read(new URL("same-as-english/all.json", root))), ...(existsSync(own) ? Object.keys(read(own)) : [])]);
};

describe("messages in every language", () => {
  const english = catalogue("en");
  for (const locale of LOCALES) {
    it(`${locale}: every English key, translated, with its arguments, tags and the language's plural forms`, () => {
      expect(checkTranslation(locale, english, catalogue(locale), allowed(locale))).toEqual([]);
    });
  }

  it("no language has a message file English lacks, and every allowed-as-English key exists", () => {
    const english = new Set(namespaces);
    for (const locale of LOCALES) {
      const files = existsSync(new URL(`${locale}/`, root)) ? readdirSync(new URL(`${locale}/`, root)) : [];
      expect(files.filter((f) => !english.has(f.replace(/\.json$/, "")))).toEqual([]);
    }
    const keys = new Set<string>();
    const walk = (tree: Tree, prefix: string) => Object.entries(tree).forEach(([k, v]) => (typeof v === "string" ? keys.add(`${prefix}${k}`) : walk(v, `${prefix}${k}.`)));
    walk(catalogue("en"), "");
    for (const file of readdirSync(new URL("same-as-english/", root))) {
      expect(Object.keys(read(new URL(`same-as-english/${file}`, root))).filter((k) => !keys.has(k))).toEqual([]);
    }
  });

  it("would catch a missing key, a wrong plural, an untranslated message, a lost argument and the wrong script", () => {
    const en: Tree = { a: { count: "{count, plural, one {# norm} other {# norms}}", title: "Norms", hello: "Hello {name}", link: "See <link>the list</link>", code: "CSV" } };
    const ru: Tree = { a: { count: "{count, plural, one {# норма} other {# норм}}", title: "Norms", hello: "Привет", link: "См. список", code: "CSV" } };
    const problems = checkTranslation("ru", en, ru, new Set(["a.code"]));
    expect(problems).toEqual([
      "a.count: plural {count} has one, other; ru needs exactly few, many, one, other",
      "a.title: the same as in English",
      "a.title: has no Cyrillic script",
      "a.hello: arguments none, English has name",
      "a.link: tags none, English has link",
    ]);
    expect(checkTranslation("zh", en, { a: { count: "{count, plural, other {# 项}}", title: "规范", hello: "你好 {name}", link: "见<link>列表</link>" } }, new Set())).toEqual(["a.code: missing"]);
    expect(checkTranslation("ar", { a: { title: "Norms" } }, { a: { title: "Normes" } }, new Set())).toEqual(["a.title: has no Arabic script"]);
    expect(checkTranslation("fr", { a: { title: "Date" } }, { a: { title: "Date" } }, new Set(["a.title"]))).toEqual([]);
    expect(checkTranslation("fr", { a: { title: "Actor" } }, { a: { title: "Acteur" } }, new Set(["a.title"]))).toEqual([
      "a.title: listed as reading as in English, but translated (take it off the list)",
    ]);
  });
});
