import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { leadsToAnotherPage, shapeFor } from "./navigation-skeleton";
import { PageSkeleton } from "./page-skeleton";

const app = path.resolve(__dirname, "..");

describe("PageSkeleton", () => {
  it("is a busy status that says it is loading, its blocks hidden from assistive technology", () => {
    for (const shape of ["list", "article", "report"] as const) {
      const html = renderToStaticMarkup(createElement(PageSkeleton, { label: "Loading…", shape }));
      expect(html).toMatch(/^<div role="status" aria-live="polite" aria-busy="true"/);
      expect(html).toContain('<span class="sr-only">Loading…</span>');
      // Every grey block is aria-hidden, so a screen reader hears only the status.
      const blocks = html.match(/data-slot="skeleton"[^>]*/g) ?? [];
      expect(blocks.length).toBeGreaterThan(3);
      for (const block of blocks) expect(block).toContain('aria-hidden="true"');
      expect(html.replace(/<span class="sr-only">Loading…<\/span>/, "")).not.toMatch(/>[^<\s]+</);
    }
  });
});

// Between pages, the next page's skeleton (NavigationSkeleton, in the root layout) rather than a
// route-level loading.tsx: a loading boundary streams the first visit behind a skeleton that only
// script can lift, so without script the page would never show, and it answers 200 before the
// page could answer 401, 403 or 404.
describe("navigation skeletons", () => {
  it("no route streams its first visit behind a loading boundary", () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else if (/^loading\.(tsx|ts|jsx|js)$/.test(entry.name)) found.push(path.relative(app, path.join(dir, entry.name)));
      }
    };
    walk(app);
    expect(found).toEqual([]);
  });
  it("fits the skeleton to where a link leads", () => {
    expect(shapeFor("/norms/protecting-electoral-infrastructure")).toBe("article");
    expect(shapeFor("/norms")).toBe("list");
    expect(shapeFor("/norms/new")).toBe("list");
    expect(shapeFor("/stocktakes/2026")).toBe("report");
    expect(shapeFor("/reference/ungge-k")).toBe("article");
    expect(shapeFor("/organizations")).toBe("list");
  });
  it("starts only for another page inside the app", () => {
    const here = new URL("https://forum.example/norms?status=consultation");
    expect(leadsToAnotherPage("/norms/x", here)).toBe(true);
    expect(leadsToAnotherPage("/norms?status=endorsement", here)).toBe(true);
    expect(leadsToAnotherPage("/norms?status=consultation#list", here)).toBe(false);
    expect(leadsToAnotherPage("#main", here)).toBe(false);
    expect(leadsToAnotherPage("https://elsewhere.example/norms/x", here)).toBe(false);
    expect(leadsToAnotherPage("/api/v1/norms.csv", here)).toBe(false);
    expect(leadsToAnotherPage("http://[bad", here)).toBe(false);
  });
  it("the message exists", () => {
    const common = JSON.parse(readFileSync(path.join(app, "..", "messages/en/common.json"), "utf8")) as { loading?: string };
    expect(common.loading).toBe("Loading…");
  });
});
