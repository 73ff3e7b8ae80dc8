import { expect, open, test } from "./support/fixtures";

test("open the matrix, filter to category II, open UN GGE 13(f) and see a proposal citing it", async ({ page }) => {
  await open(page, "/reference");
  await expect(page.getByRole("heading", { level: 1, name: "Reference library" })).toBeVisible();
  await page.getByLabel("Category").selectOption("II");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/cat=II/);
  await page.getByRole("link", { name: "UN GGE 13(f)" }).first().click();
  await expect(page).toHaveURL(/\/reference\/norms\/ungge-f$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("UN GGE 13(f)");
  await expect(page.getByRole("link", { name: "Protecting the public core of the Internet" })).toBeVisible();
});

test("an unknown reference norm is not found", async ({ page }) => {
  expect((await page.goto("/reference/norms/no-such-norm"))?.status()).toBe(404);
});

test("the forums timeline filters by kind", async ({ page }) => {
  await open(page, "/forums?kind=bilateral");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/UN Group of Governmental Experts report 2015/)).toHaveCount(0);
});
