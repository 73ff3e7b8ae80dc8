// Finds the sentences the server composes for people (refusals, field errors, notices) in the
// source, so that messages/en/serverText.json lists each of them once and every language translates
// it (server/i18n/server-text.ts reads them back at the boundary). Run by `npm run
// messages:server-text`, which rewrites the English file, and by tests/server-text.test.ts, which
// fails when the file and the source differ. Uses the TypeScript compiler, so only scripts and
// tests import it, never the app.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** Where the server writes text for people; each path is a folder or a file under the project. */
export const SERVER_TEXT_SOURCES = [
  "server/schemas",
  "server/domain",
  "server/auth",
  "server/errors.ts",
  "server/policy.ts",
  "server/rate-limit.ts",
  "server/trpc.ts",
  "server/search-throttle.ts",
  "server/input-text.ts",
  "server/codebook",
  "server/glossary",
  "app/_components/action-state.server.ts",
  "app/_trpc/react.tsx",
] as const;

/**
 * Sentences only: a capital letter (or a value) first, at least two words, a full stop, question
 * or exclamation mark last. Identifiers, SQL, log event names and labels are not sentences.
 */
const SENTENCE = /^[A-Z{][^\n]* [^\n]*[.?!]$/;

function sourceFiles(root: string, path: string): string[] {
  const full = join(root, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(path, f))
    .sort();
}

/** ICU's syntax characters taken literally: apostrophes doubled, each run of braces quoted ("}}" → "'}}'"). */
function icuLiteral(text: string): string {
  return text.replace(/'/g, "''").replace(/[{}]+/g, (run) => `'${run}'`);
}

/** A template literal's text with its substitutions as ICU arguments {0}, {1}, …. */
function templateText(node: ts.TemplateExpression): string {
  return icuLiteral(node.head.text) + node.templateSpans.map((span, i) => `{${i}}${icuLiteral(span.literal.text)}`).join("");
}

/** The key a sentence is filed under: a hash of its English, so a changed sentence needs translating again. */
export function serverTextKey(english: string): string {
  return `t${createHash("sha256").update(english).digest("hex").slice(0, 10)}`;
}

/**
 * The data export's descriptions of each kind of record (server/domain/privacy.ts: `description`
 * and `keep(reason)`) are part of a JSON file for the person to keep, in English like the rest
 * of its field names, not text of a page.
 */
function forTheExport(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && parent.name.text === "description") return true;
  return ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === "keep";
}

/**
 * Helpers that make a sentence of what they are given (server/errors.ts `notFound`,
 * server/schemas/numbers.ts `wholeNumber`): each call with a literal gives its sentence whole, so
 * that "The norm was not found." is translated as one sentence, not as an English phrase inside one.
 */
const SENTENCE_MAKERS: Record<string, (icu: string) => string> = {
  notFound: (what) => `${what} was not found.`,
  wholeNumber: (what) => `${what} must be a whole number from {0} to {1}.`,
};

function madeSentence(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const make = SENTENCE_MAKERS[node.expression.text];
  const first = node.arguments[0];
  if (!make || !first) return undefined;
  if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) return make(icuLiteral(first.text));
  // A template's own arguments are numbered first; wholeNumber's limits would follow them.
  if (ts.isTemplateExpression(first) && node.expression.text === "notFound") return make(templateText(first));
  return undefined;
}

/**
 * A schema's own helpers that put a field's label into their sentences (`const required = (what:
 * string, max: number) => z.string().min(1, \`Enter ${what}.\`)…`): for each, the sentences whose
 * substitutions include the label itself, so that each call with a literal label gives its
 * sentences whole ("Enter the document's title.") and the label is translated with its sentence.
 */
type LabelSentence = { head: string; spans: { label: boolean; literal: string }[] };

function labelHelpers(source: ts.SourceFile): Map<string, LabelSentence[]> {
  const helpers = new Map<string, LabelSentence[]>();
  const consider = (name: string, fn: ts.ArrowFunction | ts.FunctionDeclaration | ts.FunctionExpression) => {
    const param = fn.parameters[0]?.name;
    if (!param || !ts.isIdentifier(param)) return;
    const sentences: LabelSentence[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isTemplateExpression(node)) {
        const spans = node.templateSpans.map((span) => ({ label: ts.isIdentifier(span.expression) && span.expression.text === param.text, literal: span.literal.text }));
        const raw = node.head.text + spans.map((span) => `{}${span.literal}`).join("");
        if (spans.some((span) => span.label) && SENTENCE.test(raw)) sentences.push({ head: node.head.text, spans });
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    if (sentences.length) helpers.set(name, sentences);
  };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
      consider(node.name.text, node.initializer);
    } else if (ts.isFunctionDeclaration(node) && node.name) consider(node.name.text, node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return helpers;
}

function labelledSentences(node: ts.Node, helpers: Map<string, LabelSentence[]>): string[] {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return [];
  const sentences = helpers.get(node.expression.text);
  const label = node.arguments[0];
  if (!sentences || !label || !(ts.isStringLiteral(label) || ts.isNoSubstitutionTemplateLiteral(label))) return [];
  return sentences.map(({ head, spans }) => {
    let n = 0;
    return icuLiteral(head) + spans.map((span) => (span.label ? icuLiteral(label.text) : `{${n++}}`) + icuLiteral(span.literal)).join("");
  });
}

/** Every sentence in the sources, as ICU English, in the order first met. */
export function extractServerText(root: string): string[] {
  const found = new Set<string>();
  for (const file of SERVER_TEXT_SOURCES.flatMap((p) => sourceFiles(root, p))) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
    const labelled = labelHelpers(source);
    const visit = (node: ts.Node) => {
      const made = madeSentence(node);
      if (made) found.add(made);
      for (const sentence of labelledSentences(node, labelled)) found.add(sentence);
      let raw: string | undefined;
      let icu: string | undefined;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        raw = node.text;
        icu = icuLiteral(raw);
      } else if (ts.isTemplateExpression(node)) {
        raw = node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join("");
        icu = templateText(node);
      }
      if (raw !== undefined && icu !== undefined && SENTENCE.test(raw) && !ts.isImportDeclaration(node.parent) && !forTheExport(node)) found.add(icu);
      if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
      else node.templateSpans.forEach((span) => ts.forEachChild(span.expression, visit));
    };
    visit(source);
  }
  return [...found];
}

/** The English catalogue as messages/en/serverText.json holds it. */
export function serverTextCatalogue(root: string): Record<string, string> {
  return Object.fromEntries(extractServerText(root).map((text) => [serverTextKey(text), text]));
}
