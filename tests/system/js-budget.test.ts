// Page budgets (issue 15): every public page's first-load JavaScript, gzipped, from the build's
// own manifest (scripts/js-budget.ts). The target is 150 kB; the pages still over it are held to
// what they weigh today (plus 3 kB), so none can grow while the work to bring them down goes on
// (docs/performance.md, "Page budgets"). A page that comes within 150 kB leaves this list.
import { describe, expect, it } from "vitest";
import { BUDGET_KB, firstLoadJs } from "~/scripts/js-budget";

/**
 * Public pages over the 150 kB target, with the most each may weigh until it is brought down. None
 * today: a page that goes over fails the test below, unless it is listed here with its weight
 * (plus 3 kB) and a reason in docs/performance.md.
 */
const CEILINGS: Record<string, number> = {};

describe("first-load JavaScript of public pages", () => {
  const weights = firstLoadJs();
  const publicPages = weights.filter((w) => w.public);

  it("measures every page of the build", () => {
    expect(publicPages.length).toBeGreaterThan(25);
    expect(publicPages.find((w) => w.route === "/norms/[slug]")?.kb).toBeGreaterThan(100);
  });

  it("keeps each public page within 150 kB, or within its recorded ceiling while it is over", () => {
    const over = publicPages
      .filter((w) => w.kb > Math.max(BUDGET_KB, CEILINGS[w.route] ?? 0))
      .map((w) => `${w.route}: ${w.kb} kB (allowed ${Math.max(BUDGET_KB, CEILINGS[w.route] ?? 0)})`);
    expect(over).toEqual([]);
  });

  it("lists no page as over the target once it is within it, nor a page the build does not have", () => {
    const stale = Object.keys(CEILINGS).filter((route) => {
      const page = publicPages.find((w) => w.route === route);
      return !page || page.kb <= BUDGET_KB;
    });
    expect(stale).toEqual([]);
  });
});
