// Mail in the person's language (issue 20; docs/languages.md, "Mail"): signing up on a French page
// makes the account's mail French, and the account page's "Language of email" changes it, with and
// without script.
import { expect, mailedLink, open, signIn, test, unique } from "./support/fixtures";

const password = "a long enough password";

test("sign-up on a French page mails in French; the account page changes the language of email, without script too", async ({ page, browser }) => {
  const email = `${unique("amelie")}@example.org`;
  await open(page, "/fr/sign-up");
  await page.locator('input[name="displayName"]').fill("Amélie Diplomate");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').first().click();
  // The confirmation link leads to the French page.
  await page.goto(await mailedLink(email, "/fr/verify-email"));
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // Confirmed (by the page, once its script runs) before signing in.
  await expect(page.getByRole("heading", { name: "Adresse électronique confirmée" })).toBeVisible();

  await signIn(page, email, password);
  await open(page, "/account");
  const select = page.getByTestId("email-language").locator("select");
  await expect(select).toHaveValue("fr");
  await expect(select.locator("option")).toHaveText(["English", "العربية", "中文", "Français", "Русский", "Español"]);
  await select.selectOption("ru");
  await page.getByTestId("email-language").getByRole("button").click();
  await expect(page.getByTestId("email-language").getByRole("status")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("email-language").locator("select")).toHaveValue("ru");

  // Without script: the browser posts the form itself, and the page answers with the new choice.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  await plain.goto("/account");
  await plain.getByTestId("email-language").locator("select").selectOption("es");
  await plain.getByTestId("email-language").getByRole("button").click();
  await expect(plain.getByTestId("email-language").getByRole("status")).toBeVisible();
  await plain.goto("/account");
  await expect(plain.getByTestId("email-language").locator("select")).toHaveValue("es");
  await context.close();

  // A password reset asked for on an English page goes in the account's language: Spanish.
  await page.context().clearCookies();
  await open(page, "/forgot-password");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('form button[type="submit"]').first().click();
  await page.goto(await mailedLink(email, "/es/reset-password"));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});
