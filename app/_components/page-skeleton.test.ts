import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
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

// Pages that wait on data have a loading.tsx; a loading boundary streams a 200 at once, so where a
// page below it must answer 401, 403 or 404 a layout above decides that first, or the list page
// sits in a route group of its own.
describe("route skeletons", () => {
  const routes = [
    "norms/(list)",
    "norms/[slug]",
    "search",
    "stocktakes/(list)",
    "stocktakes/[year]",
    "organizations/(list)",
    "reference/(list)",
    "secretariat",
    "moderation-log",
    "open-data",
  ];
  it.each(routes)("%s has a loading.tsx that renders the accessible skeleton", (route) => {
    const file = path.join(app, route, "loading.tsx");
    expect(existsSync(file)).toBe(true);
    const source = readFileSync(file, "utf8");
    expect(source).toContain("<PageSkeleton");
    expect(source).toContain('("loading")');
  });
  it.each(["norms/[slug]", "stocktakes/[year]", "secretariat"])("%s settles refusals in a layout before the skeleton streams", (route) => {
    expect(existsSync(path.join(app, route, "layout.tsx"))).toBe(true);
  });
  it("the message exists", () => {
    const common = JSON.parse(readFileSync(path.join(app, "..", "messages/en/common.json"), "utf8")) as { loading?: string };
    expect(common.loading).toBe("Loading…");
  });
});
