import { expect, open, mailedLink, signIn, test, unique } from "./support/fixtures";

test("sign up, confirm the email by its link, then sign in through the form", async ({ page }) => {
  const email = `${unique("ana")}@example.org`;
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill("Ana Diplomat");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto(await mailedLink(email, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();

  await open(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
});

test("sign-up refuses a taken email and a short password, next to the fields", async ({ page }) => {
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill("Someone");
  await page.getByLabel("Email address").fill("member@demo.normsforum.example");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 12 characters.").first()).toBeVisible();
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/An account with this email address already exists/).first()).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await open(page, "/sign-in");
  await page.getByLabel("Email address").fill("member@demo.normsforum.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email address or password is not right.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("reset a forgotten password by the emailed link; the link works once", async ({ page }) => {
  const email = `${unique("reset")}@example.org`;
  // Arrange an account through the app: sign up and confirm.
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill("Reset Person");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.goto(await mailedLink(email, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();

  await open(page, "/forgot-password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const link = await mailedLink(email, "/reset-password");
  await open(page, link);
  await page.getByLabel("New password").fill("the second password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=passwordChanged/);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("the second password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await open(page, link);
  await page.getByLabel("New password").fill("a third password here");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/already been used/)).toBeVisible();
});

test("signing out of every device ends the session", async ({ page }) => {
  await signIn(page, "rep2@demo.normsforum.example");
  await open(page, "/account");
  await page.getByRole("button", { name: "Sign out of every device" }).click();
  await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signedOutEverywhere/);
  const response = await open(page, "/account");
  expect(response?.status()).toBe(401);
});
