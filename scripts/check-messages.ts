// npm run check:messages [-- fr ru …] [--ns norms]: checks each language's messages against the
// English ones (server/i18n/translation-check.ts) and prints every problem; exits 1 if any.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { checkTranslation, type Tree } from "~/server/i18n/translation-check";
import { LOCALES } from "~/server/i18n/locales";

const root = new URL("../messages/", import.meta.url);
const read = (path: URL) => JSON.parse(readFileSync(path, "utf8")) as Tree;
/** Keys that may read as in English: in every language (all.json), or in one (<locale>.json). */
const sameAllowed = (locale: string) => {
  const own = new URL(`same-as-english/${locale}.json`, root);
  return new Set([...Object.keys(read(new URL("same-as-english/all.json", root))), ...(existsSync(own) ? Object.keys(read(own)) : [])]);
};
const namespaces = readdirSync(new URL("en/", root)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));

const args = process.argv.slice(2);
const nsAt = args.indexOf("--ns");
const onlyNs = nsAt >= 0 ? args.splice(nsAt, 2)[1] : undefined;
const locales = args.length ? args : LOCALES.filter((l) => l !== "en");

let total = 0;
for (const locale of locales) {
  for (const ns of namespaces.filter((n) => !onlyNs || n === onlyNs)) {
    const file = new URL(`${locale}/${ns}.json`, root);
    const english = { [ns]: read(new URL(`en/${ns}.json`, root)) };
    const translated = existsSync(file) ? { [ns]: read(file) } : {};
    const problems = checkTranslation(locale, english, translated, sameAllowed(locale));
    if (!existsSync(file)) {
      console.log(`${locale}/${ns}.json: missing`);
      total += 1;
      continue;
    }
    for (const p of problems) console.log(`${locale}/${ns}.json ${p}`);
    total += problems.length;
  }
}
console.log(total === 0 ? "Every message checked: no problems." : `${total} problem(s).`);
process.exit(total === 0 ? 0 : 1);
