import { expect, test } from "./support/fixtures";

// Issue 15: the norm page shows the first positions and links to all of them, a page at a time,
// filtered by group and stance with a plain GET form that works before any script has loaded.
test("from the norm page to every position, filtered to objections and reservations, without script", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/norms/protecting-electoral-infrastructure");
  const all = page.locator("#positions").getByRole("link", { name: /^All \d+ counted positions, with filters$/ });
  const total = Number((await all.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(0);
  await all.click();
  await expect(page).toHaveURL(/\/norms\/protecting-electoral-infrastructure\/positions$/);
  await expect(page.getByRole("heading", { level: 1, name: "Positions" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: total === 1 ? "1 position" : `${total} positions` })).toBeVisible();

  await page.getByLabel("Stance").selectOption("reasoned");
  await page.getByRole("button", { name: "Show positions" }).click();
  await expect(page).toHaveURL(/stance=reasoned/);
  const stances = await page.locator("main ul > li").evaluateAll((items) => items.map((li) => li.querySelectorAll("p")[2]?.textContent?.trim() ?? ""));
  expect(stances.length).toBeGreaterThan(0);
  for (const stance of stances) expect(stance).toMatch(/^(Object|Endorse with reservations)/);
  await expect(page.getByRole("link", { name: "Clear filters" })).toBeVisible();
  await context.close();
});

test("a stale or altered page link shows the first page, not an error", async ({ page }) => {
  const response = await page.goto("/norms/protecting-electoral-infrastructure/positions?after=bm90LWEtY3Vyc29y");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Positions" })).toBeVisible();
});

test("the positions of a norm nobody may see are not found", async ({ page }) => {
  const response = await page.goto("/norms/no-such-norm-anywhere/positions");
  expect(response?.status()).toBe(404);
});
