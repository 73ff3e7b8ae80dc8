import { expect, signIn, test } from "./support/fixtures";

test("a member cannot open the secretariat queue: a 403 page, not a crash", async ({ page }) => {
  await signIn(page, "member@demo.normsforum.example");
  const response = await page.goto("/secretariat/verification");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have permission to see this page" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Verify/ })).toHaveCount(0);
});

test("a visitor is asked to sign in for the secretariat queue (401)", async ({ page }) => {
  const response = await page.goto("/secretariat/verification");
  expect(response?.status()).toBe(401);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to see this page" })).toBeVisible();
});

test("the secretariat cannot read the audit log, which is for admins", async ({ page }) => {
  await signIn(page, "secretariat@demo.normsforum.example");
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
  await signIn(page, "admin@demo.normsforum.example");
  expect((await page.goto("/admin/audit"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a member of an organisation cannot open its management page", async ({ page }) => {
  await signIn(page, "member@demo.normsforum.example");
  expect((await page.goto("/organizations/ministry-of-foreign-affairs-of-kenya/manage"))?.status()).toBe(403);
});

test("a suspended person can read but not register an organisation", async ({ page }) => {
  await signIn(page, "suspended@demo.normsforum.example");
  await page.goto("/organizations");
  await expect(page.getByText("Your account is suspended").first()).toBeVisible();
  await page.goto("/organizations/new");
  await expect(page.getByRole("heading", { name: "You cannot register an organisation while your account is suspended" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Register organisation" })).toHaveCount(0);
});
