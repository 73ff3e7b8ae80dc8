// The Atom feeds (issue 18): each page with a feed names it in its head (rel="alternate") and in a
// plain line a person can follow, and the address answers with Atom. At 1280 px and 390 px, with
// a whole-page screenshot of each page kept with the results.
import type { Page, TestInfo } from "@playwright/test";
import { expect, open, test } from "./support/fixtures";

/** A public demo norm in endorsement (db/demo-norms.ts). */
const NORM = "Protecting the work of emergency response teams";

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** The page's advertised feed and its visible link, and that both lead to an Atom document. */
async function expectFeed(page: Page, path: string, title: string | RegExp) {
  const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveCount(1);
  await expect(alternate).toHaveAttribute("title", title);
  const href = await alternate.getAttribute("href");
  expect(new URL(href!).pathname).toBe(path);
  const visible = page.getByTestId("feed-link").getByRole("link", { name: "Subscribe to updates (Atom feed)" });
  await expect(visible).toBeVisible();
  await expect(visible).toHaveAttribute("href", path);
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const body = await response.text();
  expect(body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
  expect(body).toContain(`<link href="${href}" rel="self" type="application/atom+xml"/>`);
  return body;
}

/** What a reader sees around the feed link: the viewport scrolled to it. */
async function feedLinkShot(page: Page, testInfo: TestInfo, name: string) {
  await page.getByTestId("feed-link").evaluate((el) => el.scrollIntoView({ block: "center" }));
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

for (const size of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("the norms list, a norm, the stock-takes and the moderation log each offer their Atom feed", async ({ page }, testInfo) => {
      await open(page, "/norms");
      const all = await expectFeed(page, "/norms/feed.atom", "All norms (Atom feed)");
      expect(all).toContain(NORM);
      await expectNoSidewaysScroll(page);
      await feedLinkShot(page, testInfo, `norms-${size.name}.png`);

      await open(page, "/norms");
      await page.getByRole("link", { name: NORM }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: NORM })).toBeVisible();
      const slug = new URL(page.url()).pathname.split("/")[2]!;
      const one = await expectFeed(page, `/norms/${slug}/feed.atom`, `${NORM} (Atom feed)`);
      // Each stage change links to its entry on the timeline, which the page has.
      const anchor = /#(event-[0-9a-f-]{36})"/.exec(one)?.[1];
      expect(anchor).toBeTruthy();
      await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1);
      await expectNoSidewaysScroll(page);
      await feedLinkShot(page, testInfo, `norm-${size.name}.png`);

      await open(page, "/stocktakes");
      await expectFeed(page, "/stocktakes/feed.atom", "Stock-takes (Atom feed)");
      await expectNoSidewaysScroll(page);
      await screenshot(page, testInfo, `stocktakes-${size.name}.png`);

      await open(page, "/moderation-log");
      await expectFeed(page, "/moderation-log/feed.atom", "Moderation log (Atom feed)");
      await expectNoSidewaysScroll(page);
      await screenshot(page, testInfo, `moderation-log-${size.name}.png`);
    });
  });
}

test("an unknown norm's feed is not found", async ({ page }) => {
  const response = await page.request.get("/norms/no-such-norm-anywhere/feed.atom");
  expect(response.status()).toBe(404);
});
