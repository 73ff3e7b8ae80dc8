import type { Page } from "@playwright/test";
import { expect, open, test } from "./support/fixtures";

// The demo data publishes last year's stock-take report.
const lastYear = new Date().getUTCFullYear() - 1;
const longPages = ["/norms/protecting-the-public-core-of-the-internet", `/stocktakes/${lastYear}`, "/about/methodology", "/about/process", "/open-data"];

/**
 * Every link of the visible contents list points at an element on the page, and every section
 * heading (h2) of the page is, or is inside, one of those elements.
 */
async function checkContents(page: Page, list: ReturnType<Page["getByTestId"]>) {
  const hrefs = await list.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThanOrEqual(4);
  for (const href of hrefs) {
    expect(href, "an in-page link").toMatch(/^#./);
    await expect(page.locator(`[id="${href.slice(1)}"]`), `target of ${href}`).toHaveCount(1);
  }
  const unlisted = await page.evaluate((ids) => {
    const targets = ids.map((id) => document.getElementById(id.slice(1))!);
    // Section headings: seen on the page (not visually hidden), not a notice box's title.
    return [...document.querySelectorAll("main h2")]
      .filter((h) => !h.closest('nav, [data-slot="alert"]') && h.getBoundingClientRect().width > 1 && h.getBoundingClientRect().height > 1)
      .filter((h) => !targets.some((t) => t === h || t.contains(h)))
      .map((h) => h.textContent?.trim());
  }, hrefs);
  expect(unlisted, "section headings without a link in the contents").toEqual([]);
  return hrefs;
}

/** From the top of the page, each section is one link away: following it brings the section into view. */
async function followEach(page: Page, list: ReturnType<Page["getByTestId"]>, hrefs: string[], collapsed: boolean) {
  for (const href of hrefs) {
    await page.evaluate(() => window.scrollTo(0, 0));
    if (collapsed && !(await list.getByRole("link").first().isVisible())) await list.locator("summary").click();
    await list.locator(`a[href="${href}"]`).click();
    await expect(page.locator(`[id="${href.slice(1)}"]`), `section ${href}`).toBeInViewport();
  }
}

// Issue 14, items 3-5: finding one's way. Each check runs at 1280 px and at 390 px.
const widths = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const size of widths) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("the home page starts with what is open now, within the first screen", async ({ page }) => {
      await open(page, "/");
      const heading = page.getByRole("heading", { level: 2, name: "What is open now" });
      await expect(heading).toBeVisible();
      const box = (await heading.boundingBox())!;
      expect(box.y).toBeLessThan(size.height);
      // The demo data has norms in consultation and endorsement, an open stock-take and a published report.
      for (const stage of ["consultation", "endorsement"]) {
        const list = page.getByTestId(`home-${stage}`);
        await expect(list.getByRole("listitem").first()).toBeVisible();
        await expect(list.getByRole("link", { name: /^See all/ })).toHaveAttribute("href", `/norms?status=${stage}`);
      }
      await expect(page.getByTestId("home-stocktake")).toContainText(/is open for implementation statements and observations until the end of/);
      await expect(page.getByTestId("home-report").locator("code")).toHaveText(/^[0-9a-f]{64}$/);
      await expect(page.getByRole("link", { name: "How the figures are worked out" })).toHaveAttribute("href", "/about/methodology");
      await expect(page.getByRole("link", { name: "Browse the reference library" })).toHaveAttribute("href", "/reference");
    });

    // The main content starts within the first screen (the home page's is checked above).
    const mainContent: [string, string, (page: Page) => ReturnType<Page["locator"]>][] = [
      ["/norms", "the first result", (page) => page.locator('ol[aria-labelledby="results-heading"] > li').first()],
      [longPages[0]!, "the title", (page) => page.locator("main h1")],
      [longPages[0]!, "the first section", (page) => page.locator("main h2:not(nav h2)").first()],
      ["/open-data", "the first section", (page) => page.locator("main h2:not(nav h2)").first()],
    ];
    for (const [path, what, content] of mainContent) {
      test(`${path}: the main content (${what}) starts within the first screen`, async ({ page }) => {
        await open(page, path);
        const target = content(page);
        await expect(target).toBeVisible();
        expect((await target.boundingBox())!.y, "top of the main content").toBeLessThan(size.height);
      });
    }

    for (const path of longPages) {
      test(`${path}: every section is one click away from the top`, async ({ page }) => {
        await open(page, path);
        if (size.width >= 1024) {
          const list = page.getByTestId("contents-sticky");
          await expect(list).toBeVisible();
          await expect(page.getByTestId("contents-collapsed")).toBeHidden();
          const hrefs = await checkContents(page, list);
          await followEach(page, list, hrefs, false);
          // Jumping to the section lowest on the page keeps the list in view beside the text (sticky).
          const last = await page.evaluate(
            (ids) => ids.reduce((low, id) => (document.getElementById(id.slice(1))!.getBoundingClientRect().top > document.getElementById(low.slice(1))!.getBoundingClientRect().top ? id : low)),
            hrefs,
          );
          await list.locator(`a[href="${last}"]`).click();
          await expect(page.locator(`[id="${last.slice(1)}"]`)).toBeInViewport();
          expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(size.height);
          await expect(list).toBeInViewport();
          const box = (await list.boundingBox())!;
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeLessThan(size.height / 2);
        } else {
          const list = page.getByTestId("contents-collapsed");
          await expect(page.getByTestId("contents-sticky")).toBeHidden();
          // Collapsed at the top, within the first screen; one click opens it.
          expect((await list.boundingBox())!.y).toBeLessThan(size.height);
          await expect(list.getByRole("link").first()).toBeHidden();
          await list.locator("summary").click();
          await expect(list.getByRole("link").first()).toBeVisible();
          const hrefs = await checkContents(page, list);
          await followEach(page, list, hrefs, true);
        }
      });
    }
  });
}

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const signedIn of [false, true]) {
    test(`the header stays within about two rows, its links behind a Menu button (${signedIn ? "staff" : "visitor"})`, async ({ page }) => {
      if (signedIn) {
        const { signIn, demo } = await import("./support/fixtures");
        await signIn(page, demo.admin);
      }
      await open(page, "/norms");
      const header = page.locator("header").first();
      expect((await header.boundingBox())!.height).toBeLessThan(100);
      const norms = page.getByRole("link", { name: "Norms", exact: true });
      await expect(norms).toBeHidden();
      const menu = page.getByTestId("header-menu").locator("summary");
      await expect(menu).toHaveText(/Menu/);
      await menu.click();
      await expect(norms).toBeVisible();
      await expect(page.getByRole("link", { name: "Stock-takes", exact: true })).toBeVisible();
      if (signedIn) await expect(page.getByRole("link", { name: "Secretariat", exact: true })).toBeVisible();
    });
  }

  test("the norm list starts within the first screen; the filters wait behind a Filter button that counts the active ones", async ({ page }) => {
    await open(page, "/norms");
    const first = page.locator('ol[aria-labelledby="results-heading"] > li').first();
    await expect(first).toBeVisible();
    expect((await first.boundingBox())!.y).toBeLessThan(844);
    const filters = page.getByTestId("norm-filters");
    await expect(filters.getByLabel("Status")).toBeHidden();
    await filters.locator("summary").click();
    await expect(filters.getByLabel("Status")).toBeVisible();

    await open(page, "/norms?status=consultation&kind=mutual_restraint");
    await expect(page.getByTestId("norm-filters").locator("summary")).toHaveText(/Filter\s*\(2 filters active\)/);
  });
});

test("at 1280 px the norm list's filters are shown without a click", async ({ page }) => {
  await open(page, "/norms");
  await expect(page.getByTestId("norm-filters").getByLabel("Status")).toBeVisible();
  await expect(page.getByTestId("norm-filters").locator("summary")).toBeHidden();
  await expect(page.getByTestId("header-menu")).toBeHidden();
  await expect(page.getByRole("link", { name: "Norms", exact: true })).toBeVisible();
});
