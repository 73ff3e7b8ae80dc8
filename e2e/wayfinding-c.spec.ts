import { expect, open, test } from "./support/fixtures";

// Issue 14, items 8 and 14: the compare picker by title, and the small things. Each check runs at
// 1280 px and at 390 px.
const widths = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const PUBLIC_CORE = "protecting-the-public-core-of-the-internet";

for (const size of widths) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("compare: find a proposal and a reference norm by title and pick them from the lists of matches", async ({ page }) => {
      await open(page, "/compare");
      const first = page.getByTestId("compare-slot-1");
      await first.getByLabel("Find a proposal or reference norm by title").fill("public core");
      // The list of matches as you type may cover the button on a phone: close it, as a person would.
      await first.getByLabel("Find a proposal or reference norm by title").press("Escape");
      await first.getByRole("button", { name: "Find for norm 1" }).click();
      await expect(first.getByRole("group", { name: "Matches for “public core”" })).toBeVisible();
      await first.getByRole("radio", { name: /^Protecting the public core of the Internet, version 1/ }).check();

      const second = page.getByTestId("compare-slot-2");
      await second.getByLabel("Find a proposal or reference norm by title").fill("UN GGE 13(f)");
      await second.getByLabel("Find a proposal or reference norm by title").press("Escape");
      await second.getByRole("button", { name: "Find for norm 2" }).click();
      // The first slot keeps what was picked, by its title.
      await expect(page.getByTestId("compare-slot-1").getByLabel(/Protecting the public core of the Internet, version 1/)).toBeChecked();
      await page.getByTestId("compare-slot-2").getByRole("radio", { name: /^UN GGE 13\(f\)/ }).check();
      await page.getByRole("button", { name: "Compare", exact: true }).click();

      await expect(page).toHaveURL(new RegExp(`/compare\\?items=norm:${PUBLIC_CORE}@1,ref:ungge-f$`));
      await expect(page.getByRole("heading", { name: "The texts side by side" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 3, name: "1. Protecting the public core of the Internet, version 1" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 3, name: "2. UN GGE 13(f)" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Differences" })).toBeVisible();
      await page.screenshot({ path: `test-results/compare-${size.width}.png`, fullPage: false });
    });

    test("compare: the title box suggests matches as you type (combobox), by keyboard and by pointer", async ({ page }) => {
      await open(page, "/compare");
      const box = page.getByTestId("compare-slot-1").getByRole("combobox", { name: "Find a proposal or reference norm by title" });
      await box.fill("public core");
      const list = page.getByRole("listbox", { name: "Matches for norm 1" });
      await expect(list.getByRole("option", { name: /^Protecting the public core of the Internet, version 3 \(current\)/ })).toBeVisible();
      await expect(box).toHaveAttribute("aria-expanded", "true");
      await page.screenshot({ path: `test-results/compare-combobox-${size.width}.png` });
      await box.press("ArrowDown");
      await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
      await expect(list.getByRole("option", { selected: true })).toHaveText(/version 3 \(current\)/);
      await box.press("Enter");
      await expect(box).toHaveValue("Protecting the public core of the Internet, version 3 (current)");
      await expect(box).toHaveAttribute("aria-expanded", "false");

      const second = page.getByTestId("compare-slot-2").getByRole("combobox", { name: "Find a proposal or reference norm by title" });
      await second.fill("UN GGE 13(f)");
      await page.getByRole("listbox", { name: "Matches for norm 2" }).getByRole("option", { name: /^UN GGE 13\(f\)/ }).click();
      await expect(second).toHaveValue("UN GGE 13(f)");
      await page.getByRole("button", { name: "Compare", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/compare\\?items=norm:${PUBLIC_CORE}@3,ref:ungge-f$`));
      await expect(page.getByRole("heading", { level: 3, name: "2. UN GGE 13(f)" })).toBeVisible();
    });
  });
}

test("compare: the picker works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/compare");
  await page.getByTestId("compare-slot-1").getByLabel("Find a proposal or reference norm by title").fill("public core");
  await page.getByTestId("compare-slot-1").getByRole("button", { name: "Find for norm 1" }).click();
  await page.getByTestId("compare-slot-1").getByRole("radio", { name: /Protecting the public core of the Internet, version 3 \(current\)/ }).check();
  await page.getByTestId("compare-slot-2").getByLabel("Or choose a reference norm").selectOption("ref:ungge-f");
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?items=norm:${PUBLIC_CORE}@3,ref:ungge-f$`));
  await expect(page.getByRole("heading", { name: "Differences" })).toBeVisible();
  await context.close();
});

test("compare: a search with no match says so", async ({ page }) => {
  await open(page, "/compare?q1=zzqx-no-such-title&find=1");
  await expect(page.getByText("No public proposal or reference norm matches “zzqx-no-such-title”.", { exact: false })).toBeVisible();
});

test("an observation's assessment reads as words: “Inconsistent with …”, not “Inconsistentwith”", async ({ page }) => {
  // The demo data's open stock-take (this year) has an accepted observation judged inconsistent with two norms.
  await open(page, `/stocktakes/${new Date().getUTCFullYear()}`);
  const item = page.getByRole("listitem").filter({ hasText: /^\s*Inconsistent/ }).first();
  await expect(item).toBeVisible();
  expect(await item.textContent()).toMatch(/^\s*Inconsistent with \S/);
  expect(await item.innerText()).toMatch(/^\s*Inconsistent\s+with\s+\S/);
});

test("the site has an icon: /favicon.ico and the linked icon answer 200", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await open(page, "/");
  const hrefs = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
});

test("site search marks the words searched for in the results", async ({ page }) => {
  await open(page, "/search?q=critical+infrastructure");
  const marks = page.locator("main mark");
  await expect(marks.first()).toBeVisible();
  const texts = await marks.allTextContents();
  expect(texts.length).toBeGreaterThan(2);
  for (const text of texts) expect(text.toLowerCase()).toMatch(/^(critical|infrastructure)$/);
  await page.screenshot({ path: "test-results/search-marks.png" });
  // The query is text, not markup.
  await open(page, "/search?q=%3Cb%3Einfrastructure%3C%2Fb%3E");
  await expect(page.locator("main b")).toHaveCount(0);
});

for (const size of widths) {
  test(`at ${size.width} px an organisation without a country does not say “None”`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await open(page, "/organizations?q=Internet+Standards+Council");
    const results = page.locator("#results-heading").locator("..");
    await expect(results.getByRole("link", { name: "Internet Standards Council" }).locator("visible=true")).toBeVisible();
    await expect(results.getByText("None", { exact: true })).toHaveCount(0);
    expect(await results.innerText()).not.toMatch(/\bNone\b/);
    if (size.width >= 1024) {
      const row = page.getByRole("row", { name: /Internet Standards Council/ });
      await expect(row.getByRole("cell").nth(2)).toHaveText("–No country given");
    } else {
      await expect(results.getByRole("listitem").filter({ hasText: "Internet Standards Council" })).toContainText("Technical community · Global");
    }
  });
}

for (const size of widths) {
  test(`at ${size.width} px organisation names are readable, not squeezed onto several lines`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await open(page, "/organizations");
    if (size.width >= 1024) {
      const table = page.getByTestId("organization-table");
      await expect(table).toBeVisible();
      await expect(page.getByTestId("organization-list")).toBeHidden();
      const names = table.locator("tbody th a");
      expect(await names.count()).toBeGreaterThan(5);
      // Every name takes at most two lines.
      for (const box of await names.evaluateAll((links) =>
        links.map((a) => ({ lines: a.getClientRects().length, text: a.textContent ?? "" })),
      ))
        expect(box.lines, box.text).toBeLessThanOrEqual(2);
      // The table fits its region without scrolling sideways.
      const region = page.getByRole("region", { name: "Organisations matching the filters" });
      expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    } else {
      const list = page.getByTestId("organization-list");
      await expect(list).toBeVisible();
      await expect(page.getByTestId("organization-table")).toBeHidden();
      const links = list.getByRole("link");
      for (const lines of await links.evaluateAll((as) => as.map((a) => a.getClientRects().length))) expect(lines).toBeLessThanOrEqual(3);
    }
    // Nothing on the page scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `test-results/organizations-${size.width}.png`, fullPage: true });
  });

  test(`at ${size.width} px the norm list's sort control sits above the results and keeps the filters`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await open(page, "/norms?status=consultation");
    const sort = page.getByTestId("norm-sort");
    // A plain GET form of its own, so it works before or without script. (A no-script browser run is
    // not possible here: the route's loading.tsx keeps the streamed list hidden without script.)
    await expect(sort).toHaveAttribute("method", "get");
    await expect(sort).toHaveAttribute("action", "/norms");
    await expect(sort.locator('input[type="hidden"][name="status"]')).toHaveValue("consultation");
    // Visible without opening the filters, beside the results heading, above the first result.
    await expect(sort.getByLabel("Sort by")).toBeVisible();
    const sortBox = (await sort.boundingBox())!;
    const firstResult = (await page.locator("main ol > li").first().boundingBox())!;
    expect(sortBox.y).toBeLessThan(firstResult.y);
    expect(sortBox.y).toBeLessThan(size.height);
    await sort.getByLabel("Sort by").selectOption("support");
    await sort.getByRole("button", { name: "Sort" }).click();
    await expect(page).toHaveURL(/\/norms\?status=consultation&sort=support$/);
    await expect(page.getByTestId("norm-sort").getByLabel("Sort by")).toHaveValue("support");
    // Applying filters keeps the order.
    if (size.width < 768) await page.getByTestId("norm-filters").locator("summary").click();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/sort=support/);
    await page.screenshot({ path: `test-results/norms-sort-${size.width}.png` });
  });
}
