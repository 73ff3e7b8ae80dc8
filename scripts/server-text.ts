// npm run messages:server-text [-- --check]: writes messages/en/serverText.json from the sentences
// the server composes (server/i18n/server-text-extract.ts), keeping its hand-written "wait" units;
// --check only says whether the file is current (exit 1 if not). Each other language then needs
// the new keys translated: npm run check:messages -- <locale> --ns serverText lists them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serverTextCatalogue } from "~/server/i18n/server-text-extract";

const root = fileURLToPath(new URL("..", import.meta.url));
const file = new URL("../messages/en/serverText.json", import.meta.url);
const current = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { wait?: Record<string, string> }) : {};
const wait = current.wait ?? {
  seconds: "{count, plural, one {# second} other {# seconds}}",
  minutes: "{count, plural, one {# minute} other {# minutes}}",
};
const next = `${JSON.stringify({ wait, text: serverTextCatalogue(root) }, null, 2)}\n`;
const same = existsSync(file) && readFileSync(file, "utf8") === next;
if (process.argv.includes("--check")) {
  console.log(same ? "messages/en/serverText.json is current." : "messages/en/serverText.json is out of date: run npm run messages:server-text.");
  process.exit(same ? 0 : 1);
}
writeFileSync(file, next);
console.log(`messages/en/serverText.json: ${Object.keys(JSON.parse(next).text).length} sentences${same ? " (unchanged)" : ""}.`);
