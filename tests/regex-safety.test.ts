// Every function that runs a regular expression over user text, run over adversarial inputs of the
// largest length its input schema allows, must finish well within a generous bound. This list is the
// audit record of issue 13 hole 1: a pattern added over user text belongs here too.
//
// Judged safe without a case of its own (anchored or bounded, no overlapping quantifiers), because
// either the input is bounded to a few characters or each character is looked at a fixed number of times:
// - compare items (server/schemas/compare.ts): `^ref:[A-Za-z0-9._-]{1,100}$`, `^norm:…{0,199}(@…{0,5})?$`,
//   anchored with bounded classes; covered below anyway;
// - page numbers and years in routes (`^[1-9][0-9]{0,5}$`, `^\d{4}$`, `^\d{1,9}$`): bounded;
// - LIKE escaping (`[%_\\]`), CSV quoting (`[",\r\n]`), BibTeX escaping, `formulaSafe` (`^[=+\-@\t\r]`),
//   `searchable` (`[/\\]`), `safeUrl` (`^(https?:|mailto:)`): one character class, no quantifier;
// - the slug (`[^a-z0-9]+` then `^-+|-+$` on a string whose hyphen runs are already single, cut to 60);
// - excerpts on pages (`\s+\S*$` on a string already cut to at most 220 characters);
// - the word tokenizer of the diff: three alternatives that cannot match the same character;
// - the language tag `^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`: each repetition starts with "-", which no other
//   part matches, and the field is now at most 35 characters;
// - Accept-Language (server/i18n/paths.ts, negotiateLocale): split on "," ";" "=", at most 32 ranges
//   read, no pattern; the path's query split on `[?#]`: one character class;
// - Chinese search text (server/domain/norms.ts, searchableIn): `[\p{Script=Han}]+`, one class, each
//   character looked at once;
// - the organisation website (`^https?://[^\s/$.?#].[^\s]*$`, anchored, one unbounded class at the end);
// - server/stocktake-pdf/pdf-text.ts reads back the PDFs this app writes, in tests only (never user input);
// - the logger's redaction (`\nparams: [^\n]*`): each match stops at the next line break;
// - names in mail (server/domain/mail-name.ts): one character class, and alternatives of fixed length;
//   covered below anyway, with the display name schema and the stored-text check;
// - Markdown on pages is rendered by react-markdown (micromark, a state machine, not backtracking
//   regular expressions); it is still timed below on comment-sized input.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import { MAX_DELIMITERS, MAX_DEPTH, limitMarkdown } from "~/app/_components/markdown-limits";
import { describe, expect, it } from "vitest";
import { nameTokens, websiteHost } from "~/server/domain/duplicates";
import { diffWords, tokenize } from "~/server/domain/diff";
import { nameForMail } from "~/server/domain/mail-name";
import { searchable } from "~/server/domain/norms";
import { findUnstorable } from "~/server/input-text";
import { normalizeAddress, rewriteForwardedFor } from "~/server/auth/client-address";
import { displayNameField } from "~/server/schemas/accounts";
import { slugify } from "~/server/domain/slug";
import { MAX_COMMENT, createCommentInput } from "~/server/schemas/comments";
import { parseCompareItem } from "~/server/schemas/compare";
import { excerptAround, markTerms, queryTerms } from "~/app/_components/query-terms";
import { coauthorInviteEmail, createNormInput } from "~/server/schemas/norms";
import { organizationFields } from "~/server/schemas/organizations";
import { MAX_STATEMENT } from "~/server/schemas/positions";
import { narrativeInput, observationInput, statementInput } from "~/server/schemas/stocktakes";
import { isCacheableRequest } from "~/server/page-cache/routes";
import { markdownBlocks, pdfSafe, stripInline, truncateToWidth } from "~/server/stocktake-pdf/text";

// Maximum lengths, from the schemas (checked below so a change there is noticed here).
const STATEMENT = MAX_STATEMENT; // positions and stock-take statements: 5,000
const NARRATIVE = 20_000; // a stock-take narrative section
const OBSERVATION = 10_000;
const TITLE = 200;
const ORG_NAME = 160;

/** Text of exactly `n` characters: `head`, then `unit` repeated, then `tail`. */
const fill = (n: number, unit: string, head = "", tail = "") => {
  const room = n - head.length - tail.length;
  return head + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + tail;
};

/** Inputs built to make backtracking patterns blow up, each of length n. */
const adversarial = (n: number): string[] => [
  fill(n, " ", "# a", "b"), // the heading pattern from the issue
  fill(n, " ", "#", "#x"),
  fill(n, "#", "# ", "x"),
  fill(n, " #", "# a", "x"),
  fill(n, "\t", "###### ", "\u00a0x"),
  fill(n, "!["),
  fill(n, "["),
  fill(n, "[a]("),
  fill(n, " ", '[a](b "', "x"),
  fill(n, "<http:"),
  fill(n, "`"),
  fill(n, "**"),
  fill(n, "** "),
  fill(n, "__"),
  fill(n, "*a"),
  fill(n, "_a"),
  fill(n, "~~"),
  fill(n, "~~a "),
  fill(n, "\\"),
  fill(n, " \n"),
  fill(n, "\n "),
  fill(n, " ", "\n", "x"),
  fill(n, "- "),
  fill(n, " -"),
  fill(n, " ", "-", "x"),
  fill(n, "-"),
  fill(n, "> "),
  fill(n, "1. "),
  fill(n, "a"),
  fill(n, "\u0301"),
  fill(n, ">"),
  fill(n, "- > 1. "),
  fill(n, "* "),
  fill(n, "[a]"),
  nestedList(n),
];

/** A list nested as deep as n characters allow, one level per line. */
function nestedList(n: number) {
  const lines: string[] = [];
  for (let depth = 0, length = 0; length + 2 * depth + 4 < n; depth++) {
    lines.push(`${"  ".repeat(depth)}- a`);
    length += 2 * depth + 4;
  }
  return lines.join("\n");
}

const BOUND_MS = 1000;

function timed(run: () => unknown) {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** What app/_components/markdown.tsx does with user Markdown. */
const renderMarkdown = (text: string) => renderToStaticMarkup(createElement(ReactMarkdown, { children: limitMarkdown(text) }));

type Case = { name: string; max: number; run: (text: string) => unknown };

const cases: Case[] = [
  { name: "PDF: markdownBlocks over a statement", max: STATEMENT, run: markdownBlocks },
  { name: "PDF: markdownBlocks over a narrative section", max: NARRATIVE, run: markdownBlocks },
  { name: "PDF: markdownBlocks over an observation", max: OBSERVATION, run: markdownBlocks },
  { name: "PDF: stripInline over a narrative section", max: NARRATIVE, run: stripInline },
  { name: "PDF: pdfSafe over a narrative section", max: NARRATIVE, run: pdfSafe },
  { name: "PDF: truncateToWidth over a title", max: TITLE, run: (t) => truncateToWidth(t, 50, 8) },
  { name: "slugify over a title", max: TITLE, run: slugify },
  { name: "duplicates: nameTokens over an organisation name", max: ORG_NAME, run: nameTokens },
  { name: "duplicates: websiteHost over a website", max: 2000, run: (t) => websiteHost(`https://${t}`) },
  { name: "diff: tokenize over a norm's text", max: 30_000, run: tokenize },
  { name: "diff: diffWords over a comment-sized text", max: 5000, run: (t) => diffWords(t, `${t} x`) },
  { name: "search: searchable over a query", max: 200, run: searchable },
  { name: "compare: parseCompareItem", max: 300, run: parseCompareItem },
  // The site search marks the query's words in results: escaped literals joined by "|".
  { name: "search: queryTerms over a query", max: 200, run: queryTerms },
  // Node refuses request heads over 16 KB, so a URL or cookie header is at most that long.
  { name: "page cache: isCacheableRequest over a URL", max: 16_384, run: (t) => isCacheableRequest("GET", `/norms/${t}?${t}`, {}) },
  { name: "page cache: isCacheableRequest over a cookie header", max: 16_384, run: (t) => isCacheableRequest("GET", "/norms", { cookie: t }) },
  { name: "search: markTerms of a query in a reference text", max: 30_000, run: (t) => markTerms(t, t.slice(0, 200)) },
  { name: "search: markTerms of a text's words in a query", max: 200, run: (t) => markTerms(`${t}${t}`, t) },
  { name: "search: excerptAround a match", max: 30_000, run: (t) => excerptAround(t, `${t.slice(0, 100)} ${t.slice(-99)}`) },
  { name: "schema: norm language tag", max: 200, run: (t) => createNormInput.shape.language.safeParse(t) },
  { name: "schema: comment language tag", max: 200, run: (t) => createCommentInput.shape.language.safeParse(t) },
  { name: "schema: organisation website", max: 500, run: (t) => organizationFields.shape.website.safeParse(`https://a${t}`) },
  { name: "schema: co-author invitation email", max: 320, run: (t) => coauthorInviteEmail.safeParse(`${t}@${t}`) },
  { name: "schema: stock-take statement links", max: 2000, run: (t) => statementInput.shape.links.safeParse([`https://${t}`]) },
  { name: "schema: observation date", max: 100, run: (t) => observationInput.shape.occurredOn.safeParse(t) },
  { name: "mail: nameForMail over a display name", max: 2000, run: nameForMail },
  { name: "schema: display name", max: 2000, run: (t) => displayNameField.safeParse(t) },
  { name: "stored text: findUnstorable over a narrative", max: NARRATIVE, run: (t) => findUnstorable({ text: t }) },
  { name: "headers: X-Forwarded-For and the client address", max: 8000, run: (t) => [normalizeAddress(`[${t}`), rewriteForwardedFor("127.0.0.1", t, 1)] },
  { name: "pages: Markdown over a comment", max: MAX_COMMENT, run: renderMarkdown },
  { name: "pages: Markdown over an observation", max: OBSERVATION, run: renderMarkdown },
  { name: "pages: Markdown over a narrative section", max: NARRATIVE, run: renderMarkdown },
];

describe("regular expressions over user text run in linear time", () => {
  it("takes the maximum lengths from the schemas", () => {
    expect(narrativeInput.shape.summary.safeParse("x".repeat(NARRATIVE)).success).toBe(true);
    expect(narrativeInput.shape.summary.safeParse("x".repeat(NARRATIVE + 1)).success).toBe(false);
    expect(statementInput.shape.text.safeParse("x".repeat(STATEMENT + 1)).success).toBe(false);
    expect(observationInput.shape.description.safeParse("x".repeat(OBSERVATION + 1)).success).toBe(false);
  });

  it("renders the heading from the issue as a heading, quickly", () => {
    const text = `# a${" ".repeat(4995)}b`;
    let blocks: unknown;
    expect(timed(() => (blocks = markdownBlocks(text)))).toBeLessThan(BOUND_MS);
    expect(blocks).toEqual([{ kind: "heading", text: `a${" ".repeat(4995)}b` }]);
  });

  it("renders deeply nested quotes and lists without overflowing the stack", () => {
    const html = renderMarkdown(">".repeat(MAX_COMMENT));
    expect(html.match(/<blockquote>/g)).toHaveLength(MAX_DEPTH);
    expect(renderMarkdown("> > quoted")).toBe("<blockquote>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n</blockquote>");
    expect(renderMarkdown("1. one\n2. two")).toContain("<ol>");
    expect(renderMarkdown("**bold**, _it_ and [a link](https://example.org)")).toBe(
      '<p><strong>bold</strong>, <em>it</em> and <a href="https://example.org">a link</a></p>',
    );
    // Past the limit, markers show as typed rather than cost the parser quadratic time.
    const many = renderMarkdown("*a* ".repeat(MAX_DELIMITERS));
    expect(many.match(/<em>/g)).toHaveLength(MAX_DELIMITERS / 2);
    expect(many).toContain("*a*");
  });

  it.each(cases)("$name ($max characters)", ({ max, run }) => {
    const slow = adversarial(max)
      .map((text, i) => ({ i, ms: timed(() => run(text)) }))
      .filter((r) => r.ms > BOUND_MS);
    expect(slow).toEqual([]);
  });
});
