// Only the messages client components use are sent to the browser (server/i18n/client-messages.ts).
// This walks every client component ("use client") and what it imports, collects the namespaces
// their useTranslations() calls name, and checks the list sends each of them, and nothing more.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, pickMessages } from "~/server/i18n/client-messages";
import { messages } from "~/server/i18n/messages";

const root = path.resolve(__dirname, "..");

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

/** Every namespace the client bundle translates from, with the file that asks for it. */
function clientNamespaces() {
  const clientFiles = sources(path.join(root, "app")).filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")));
  const seen = new Set<string>();
  const used = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)) used.set(m[1] ?? "", path.relative(root, file));
    for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)) {
      const next = resolveImport(file, m[1]!);
      if (next) visit(next);
    }
  };
  clientFiles.forEach(visit);
  return { used, clientFiles };
}

describe("messages sent to the browser", () => {
  const { used, clientFiles } = clientNamespaces();

  it("finds the client components", () => {
    expect(clientFiles.length).toBeGreaterThan(30);
    expect(used.size).toBeGreaterThan(20);
  });

  it("sends every namespace a client component translates from, and names one for each call", () => {
    expect(used.get(""), "useTranslations() without a namespace would need the whole catalogue").toBeUndefined();
    const missing = [...used.keys()].filter((ns) => !CLIENT_NAMESPACES.some((sent) => ns === sent || ns.startsWith(`${sent}.`)));
    expect(missing.map((ns) => `${ns} (${used.get(ns)})`)).toEqual([]);
  });

  it("sends nothing no client component uses", () => {
    const unused = CLIENT_NAMESPACES.filter((sent) => ![...used.keys()].some((ns) => ns === sent || ns.startsWith(`${sent}.`)));
    expect(unused).toEqual([]);
  });

  it("picks those parts of the catalogue, in the same shape, and is much smaller than all of it", () => {
    const picked = pickMessages(messages.en, CLIENT_NAMESPACES);
    expect((picked.common as Record<string, unknown>).errors).toEqual(messages.en.common.errors);
    expect(picked.vocabulary).toEqual(messages.en.vocabulary);
    expect(picked.methodology).toBeUndefined();
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages.en).length / 2);
  });
});
