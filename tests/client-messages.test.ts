// Only the messages a page's client components use are sent to the browser
// (server/i18n/client-messages.ts): the frame's namespaces from the root layout, and each part of
// the site's own from its folder's layout. This walks every file of app/: from a server component
// through its imports to the client components it renders, and from each client component
// ("use client") through everything it imports, collecting the namespaces their useTranslations()
// calls name. Each namespace is counted for the part of the site whose route file (a page, a
// layout, an error or loading file) led to it (a page of /secretariat that renders a stock-take's
// report needs the report's messages too), and every part must be sent each namespace it uses; a
// part's own namespaces must each be used by its own pages, not only by a folder inside it that adds
// its own (/norms does not carry the norm page's islands).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CLIENT_NAMESPACES,
  type MessageScope,
  namespacesSentTo,
  pickMessages,
  SCOPED_NAMESPACES,
  scopeChain,
  scopedMessages,
} from "~/server/i18n/client-messages";
import { messages } from "~/server/i18n/messages";

const root = path.resolve(__dirname, "..");
const appDir = path.join(root, "app");
const scopes = Object.keys(SCOPED_NAMESPACES) as MessageScope[];
type Part = MessageScope | "frame";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "node_modules" ? [] : sources(file);
    return /\.(tsx|ts)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("~/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const text = new Map<string, string>();
const read = (file: string) => text.get(file) ?? text.set(file, readFileSync(file, "utf8")).get(file)!;
const isClient = (file: string) => /^\s*["']use client["']/.test(read(file));
/** Static imports (not of types only) and dynamic ones (next/dynamic). */
function imports(file: string): string[] {
  const source = read(file);
  const specifiers = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms), ...source.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!);
  return specifiers.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null);
}
/** The files Next.js renders a route from: what leads to the client components a part's pages show. */
const ROUTE_FILE = /^(page|layout|template|error|global-error|not-found|loading|default)\.tsx$/;
/** The part of the site a file of app/ belongs to: the innermost folder around it that adds messages. */
function partOf(file: string): Part {
  const relative = path.relative(appDir, file).split(path.sep).join("/");
  const inside = scopes.filter((scope) => relative.startsWith(`${scope}/`));
  return inside.sort((a, b) => b.length - a.length)[0] ?? "frame";
}

/** For each part of the site, every namespace its files' client components translate from, with a file that asks. */
function namespacesByPart() {
  const used = new Map<Part, Map<string, string>>([["frame", new Map()], ...scopes.map((s): [Part, Map<string, string>] => [s, new Map()])]);
  const files = sources(appDir);
  for (const entry of files.filter((file) => ROUTE_FILE.test(path.basename(file)))) {
    const part = partOf(entry);
    const seen = new Set<string>();
    const visit = (file: string, client: boolean) => {
      const key = `${client} ${file}`;
      if (seen.has(key)) return;
      seen.add(key);
      const inClient = client || isClient(file);
      if (inClient) for (const m of read(file).matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)) used.get(part)!.set(m[1] ?? "", path.relative(root, file));
      for (const next of imports(file)) visit(next, inClient);
    };
    visit(entry, false);
  }
  return { used, files };
}

const covers = (sent: readonly string[], ns: string) => sent.some((s) => ns === s || ns.startsWith(`${s}.`));

describe("messages sent to the browser", () => {
  const { used, files } = namespacesByPart();
  const sentTo = (part: Part): readonly string[] => (part === "frame" ? CLIENT_NAMESPACES : namespacesSentTo(part));

  it("finds the client components and what they translate from", () => {
    expect(files.filter(isClient).length).toBeGreaterThan(30);
    expect(new Set([...used.values()].flatMap((m) => [...m.keys()])).size).toBeGreaterThan(20);
  });

  it("names a namespace in every useTranslations() of a client component", () => {
    for (const [part, names] of used) expect(names.get(""), `${part}: useTranslations() without a namespace would need the whole catalogue`).toBeUndefined();
  });

  it("sends each part of the site every namespace its client components translate from", () => {
    const missing = [...used].flatMap(([part, names]) => [...names].filter(([ns]) => !covers(sentTo(part), ns)).map(([ns, file]) => `${part}: ${ns} (${file})`));
    expect(missing).toEqual([]);
  });

  it("sends no part a namespace it does not use", () => {
    const unused = [
      ...CLIENT_NAMESPACES.filter((sent) => ![...used.get("frame")!.keys()].some((ns) => covers([sent], ns))).map((sent) => `frame: ${sent}`),
      ...scopes.flatMap((scope) => SCOPED_NAMESPACES[scope].filter((sent) => ![...used.get(scope)!.keys()].some((ns) => covers([sent], ns))).map((sent) => `${scope}: ${sent}`)),
    ];
    expect(unused).toEqual([]);
  });

  it("sends a folder inside a part only what the part does not send already", () => {
    const twice = scopes.flatMap((scope) => {
      const outer = scopeChain(scope).slice(0, -1).flatMap((s) => SCOPED_NAMESPACES[s]);
      return SCOPED_NAMESPACES[scope].filter((ns) => covers(outer, ns)).map((ns) => `${scope}: ${ns}`);
    });
    expect(twice).toEqual([]);
  });

  it("adds each part's namespaces in the layout of its folder", () => {
    for (const scope of scopes) {
      const layout = path.join(appDir, scope, "layout.tsx");
      expect(existsSync(layout), `app/${scope}/layout.tsx`).toBe(true);
      expect(read(layout)).toContain(`<ScopedMessages scope="${scope}">`);
    }
  });

  it("picks those parts of the catalogue, in the same shape, and gives a page far less than all of it", () => {
    const frame = pickMessages(messages.en, CLIENT_NAMESPACES);
    expect((frame.common as Record<string, unknown>).errors).toEqual(messages.en.common.errors);
    expect(frame.vocabulary).toBeUndefined();
    const norm = scopedMessages(messages.en, "norms/[slug]");
    expect(norm.vocabulary).toEqual(messages.en.vocabulary);
    expect((norm.common as Record<string, unknown>).actions).toEqual(messages.en.common.actions);
    expect((norm.common as Record<string, unknown>).errors).toEqual(messages.en.common.errors);
    expect(norm.secretariat).toBeUndefined();
    // The norm page does not carry its edit form's messages; the edit page carries both.
    expect(norm.normForm).toBeUndefined();
    const edit = scopedMessages(messages.en, "norms/[slug]/edit");
    expect(edit.normForm).toEqual(pickMessages(messages.en, SCOPED_NAMESPACES["norms/[slug]/edit"]).normForm);
    expect(edit.vocabulary).toEqual(messages.en.vocabulary);
    expect(scopeChain("norms/[slug]/edit")).toEqual(["norms/[slug]", "norms/[slug]/edit"]);
    const whole = JSON.stringify(messages.en).length;
    expect(JSON.stringify(frame).length).toBeLessThan(whole / 20);
    for (const scope of scopes) expect(JSON.stringify(scopedMessages(messages.en, scope)).length, scope).toBeLessThan(whole / 4);
  });
});
