import { expect, open, signIn, test } from "./support/fixtures";

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

test("compare a reference norm with a proposal at a chosen version, by a shareable address", async ({ page }) => {
  await open(page, "/compare?items=ref:ungge-f,norm:protecting-the-public-core-of-the-internet@1");
  await expect(page.getByRole("heading", { level: 1, name: "Compare norms" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Differences" })).toBeVisible();
  await expect(page.locator("ins").first()).toBeVisible();
  await expect(page.locator("del").first()).toBeVisible();
});

test("comparing more than four norms says why it cannot", async ({ page }) => {
  await open(page, "/compare?items=ref:ungge-a,ref:ungge-b,ref:ungge-c,ref:ungge-e,ref:ungge-f");
  await expect(page.getByText("These norms cannot be compared")).toBeVisible();
});

test("the site search groups reference norms and proposals", async ({ page }) => {
  await open(page, "/search?q=infrastructure");
  await expect(page.getByRole("heading", { name: /Reference norms/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Proposals/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "No peacetime attacks on critical infrastructure serving the public" })).toBeVisible();
});

test("an admin corrects a quotation with a reason, kept publicly; others see no form", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo.normsforum.example");
  await open(admin, "/reference/norms/msft-6");
  await admin.getByLabel("Text", { exact: true }).fill("Industry should assist private sector efforts to detect, contain, respond to, and recover from events (corrected).");
  await admin.getByLabel("Reason for the correction").fill("The quotation differed from the published document.");
  await admin.getByRole("button", { name: "Save the correction" }).click();
  await expect(admin.getByText("Correction saved").first()).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, "/reference/norms/msft-6");
  await expect(visitor.getByText("The quotation differed from the published document.")).toBeVisible();
  await expect(visitor.getByText("Corrected by the forum’s administrators").first()).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Save the correction" })).toHaveCount(0);
});
