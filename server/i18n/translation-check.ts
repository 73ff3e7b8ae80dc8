// What every language's messages must satisfy against the English ones (issue 20), shared by
// tests/messages-locales.test.ts and `npm run check:messages` (scripts/check-messages.ts):
// - the same keys, none missing and none extra;
// - each message parses as ICU MessageFormat for its language, with the English message's
//   arguments, tags and select options, and plural categories exactly the language's CLDR ones
//   (Intl.PluralRules: Russian one/few/many/other, Arabic zero/one/two/few/many/other, Chinese
//   other only), exact matches such as "=0" aside;
// - a message differs from the English one unless it has no words to translate or its key is in
//   messages/same-as-english/ (all.json for every language, <locale>.json for one: names, codes,
//   and words spelt alike, such as French "Date" or "Organisations");
// - an Arabic, Russian or Chinese message with words is in that language's script.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export type Tree = { [key: string]: string | Tree };

export function flatten(tree: Tree, prefix = "", out = new Map<string, string>()) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

interface Shape {
  arguments: Set<string>;
  tags: Set<string>;
  selects: Map<string, string>;
  plurals: { name: string; categories: string[] }[];
  /** The message's own words, arguments and tags' names taken out. */
  text: string;
}

function shapeOf(elements: MessageFormatElement[], shape: Shape = { arguments: new Set(), tags: new Set(), selects: new Map(), plurals: [], text: "" }): Shape {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.literal:
        shape.text += el.value;
        break;
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        shape.arguments.add(el.value);
        break;
      case TYPE.select:
        shape.arguments.add(el.value);
        shape.selects.set(el.value, Object.keys(el.options).sort().join(","));
        for (const option of Object.values(el.options)) shapeOf(option.value, shape);
        break;
      case TYPE.plural:
        shape.arguments.add(el.value);
        shape.plurals.push({ name: el.value, categories: Object.keys(el.options).filter((k) => !k.startsWith("=")) });
        for (const option of Object.values(el.options)) shapeOf(option.value, shape);
        break;
      case TYPE.tag:
        shape.tags.add(el.value);
        shapeOf(el.children, shape);
        break;
      default:
        break;
    }
  }
  return shape;
}

const SCRIPTS: Record<string, { name: string; pattern: RegExp }> = {
  ar: { name: "Arabic", pattern: /\p{Script=Arabic}/u },
  ru: { name: "Cyrillic", pattern: /\p{Script=Cyrillic}/u },
  zh: { name: "Han", pattern: /\p{Script=Han}/u },
};

const hasWords = (text: string) => /\p{L}{2,}/u.test(text);
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const list = (s: Iterable<string>) => [...s].sort().join(", ") || "none";

/**
 * The problems of one language's messages against the English ones, as "key: what is wrong";
 * `sameAllowed` lists the keys that may read as in English.
 */
export function checkTranslation(locale: string, english: Tree, translated: Tree, sameAllowed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const en = flatten(english);
  const tr = flatten(translated);
  const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
  for (const key of tr.keys()) if (!en.has(key)) problems.push(`${key}: not in English (an extra or misspelt key)`);
  for (const [key, source] of en) {
    const message = tr.get(key);
    if (message === undefined) {
      problems.push(`${key}: missing`);
      continue;
    }
    let shape: Shape;
    try {
      shape = shapeOf(parse(message));
    } catch (error) {
      problems.push(`${key}: does not parse as ICU MessageFormat (${(error as Error).message})`);
      continue;
    }
    const sourceShape = shapeOf(parse(source));
    if (!sameSet(shape.arguments, sourceShape.arguments)) problems.push(`${key}: arguments ${list(shape.arguments)}, English has ${list(sourceShape.arguments)}`);
    if (!sameSet(shape.tags, sourceShape.tags)) problems.push(`${key}: tags ${list(shape.tags)}, English has ${list(sourceShape.tags)}`);
    for (const [name, options] of sourceShape.selects) {
      if (shape.selects.get(name) !== options) problems.push(`${key}: select {${name}} has options ${shape.selects.get(name) ?? "none"}, English has ${options}`);
    }
    for (const plural of shape.plurals) {
      const got = [...plural.categories].sort();
      if (got.join(",") !== categories.join(",")) problems.push(`${key}: plural {${plural.name}} has ${got.join(", ")}; ${locale} needs exactly ${categories.join(", ")}`);
    }
    if (/'<(?!\/)/.test(message)) problems.push(`${key}: a quoted angle bracket shows its quotes in production`);
    if (sameAllowed.has(key) && message !== source && locale !== "en") problems.push(`${key}: listed as reading as in English, but translated (take it off the list)`);
    if (locale === "en" || sameAllowed.has(key) || !hasWords(shape.text)) continue;
    if (message === source) problems.push(`${key}: the same as in English`);
    const script = SCRIPTS[locale];
    if (script && !script.pattern.test(shape.text)) problems.push(`${key}: has no ${script.name} script`);
  }
  return problems;
}
