// Every message parses as ICU MessageFormat. A message that does not (an unclosed "<name>" tag,
// a stray brace) fails only when a page renders it, where it shows the key instead of the text;
// this finds it before then. Literal braces are quoted ('{{…}}'); angle brackets are not used as
// text at all: next-intl returns a message without values or braces as written in production,
// without parsing it, so a quoted '<text>' would show its quotes there.
import { readdirSync, readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";

const dir = new URL("../messages/en/", import.meta.url);

function strings(value: unknown, path: string, out: [string, string][]) {
  if (typeof value === "string") out.push([path, value]);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe("message syntax", () => {
  it("parses every English message as ICU MessageFormat", () => {
    const broken: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      for (const [key, message] of strings(JSON.parse(readFileSync(new URL(file, dir), "utf8")), "", [])) {
        if (/'<(?!\/)/.test(message)) broken.push(`${file} ${key}: a quoted angle bracket shows its quotes in production`);
        try {
          new IntlMessageFormat(message, "en");
        } catch (error) {
          broken.push(`${file} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("would catch an unclosed tag and a stray brace", () => {
    expect(() => new IntlMessageFormat("shown as <text>", "en")).toThrow();
    expect(() => new IntlMessageFormat("cite {{statements:count}}", "en")).toThrow();
    expect(new IntlMessageFormat("cite '{{statements:count}}'", "en").format()).toBe("cite {{statements:count}}");
  });
});
