// The account and stock-take forms post to server actions (docs/performance.md, "Page budgets"):
// before the page's script has loaded, or without it, the browser sends them itself and the
// server's answer is a whole page, with the procedure's messages next to their fields.
import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, mailedLink, test, unique } from "./support/fixtures";

const NORM = "Protecting the work of emergency response teams";
const ORGANISATION = "Ministry of Foreign Affairs of Kenya";
const year = new Date().getUTCFullYear();

/** A page in a browser that runs no script, signed in through the auth API when asked. */
async function withoutScript(browser: Browser, baseURL: string | undefined, email?: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  if (email) {
    const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
  }
  return context.newPage();
}

test("without script, signing in shows each problem at its field, then lands on the page asked for, anchor included", async ({ browser, baseURL }) => {
  const page = await withoutScript(browser, baseURL);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/stocktakes?from=noscript#top")}`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#email-error")).toContainText("Enter your email address.");
  await expect(page.locator("#password-error")).toContainText("Enter your password.");
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).getByRole("link", { name: "Enter your password." })).toHaveAttribute("href", "#password");

  await page.getByLabel("Email address").fill(demo.member);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("The email address or password is not right.")).toBeVisible();
  // What was typed is there again, except the password.
  await expect(page.getByLabel("Email address")).toHaveValue(demo.member);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL("/stocktakes?from=noscript#top");
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.context().close();
});

test("without script, an account is created, confirmed by its link, and its password reset by another", async ({ browser, baseURL }) => {
  const email = `${unique("noscript")}@example.org`;
  const page = await withoutScript(browser, baseURL);
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("No Script");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toContainText("Password must be at least 12 characters.");
  await expect(page.getByLabel("Your name")).toHaveValue("No Script");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.getByRole("button", { name: "Send the email again" }).click();
  await expect(page.getByText(`We have sent a new link to ${email}.`)).toBeVisible();

  // Opening the link changes nothing by itself (mail scanners fetch links); the button confirms.
  await page.goto(await mailedLink(email, "/verify-email"));
  await expect(page.getByText("Checking your link…")).toBeVisible();
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();

  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await mailedLink(email, "/reset-password"));
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#password-error")).toContainText("Password must be at least 12 characters.");
  await page.getByLabel("New password").fill("the second password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=passwordChanged$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("the second password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.context().close();
});

test("without script, a representative files a statement and a member logs an observation, each refused at its fields first", async ({ browser, baseURL }) => {
  const rep = await withoutScript(browser, baseURL, demo.representative);
  await rep.goto(`/stocktakes/${year}/statements`);
  // Choosing the organisation reloads the page for it.
  await rep.getByLabel("Organisation", { exact: true }).selectOption({ label: ORGANISATION });
  await rep.getByRole("button", { name: "Show its statements" }).click();
  await expect(rep).toHaveURL(/\?organisation=/);
  const statement = rep.getByTestId("statement-item").filter({ has: rep.getByRole("heading", { name: NORM }) });
  const text = `Filed without script ${unique("s")}.`;
  await statement.getByLabel("What your organisation did").fill(text);
  await statement.getByLabel("Links (one per line)").fill("ftp://example.org/x");
  await statement.getByRole("button", { name: "Save statement" }).click();
  await expect(statement.getByText("“ftp://example.org/x”: Links must start with http:// or https://.").first()).toBeVisible();
  await expect(statement.getByLabel("What your organisation did")).toHaveValue(text);
  await statement.getByRole("radio", { name: "Partially implemented" }).check();
  await statement.getByLabel("Links (one per line)").fill("https://example.org/noscript");
  await statement.getByRole("button", { name: "Save statement" }).click();
  await expect(statement.getByText(/Saved on/)).toBeVisible();
  await rep.goto(`${rep.url()}`);
  await expect(statement.getByLabel("What your organisation did")).toHaveValue(text);
  await expect(statement.getByRole("radio", { name: "Partially implemented" })).toBeChecked();
  await rep.context().close();

  const member = await withoutScript(browser, baseURL, demo.member);
  const title = `Logged without script ${unique("o")}`;
  await member.goto(`/stocktakes/${year}/observations/new`);
  await member.getByLabel("Title").fill(title);
  await member.getByLabel("What happened").fill("A response team's network was unreachable for a day.");
  await member.getByLabel("When did it happen").fill(`${year}-01-15`);
  await member.getByLabel("Actor 1").selectOption({ label: ORGANISATION });
  await member.getByRole("radio", { name: "Not attributed" }).check();
  await member.getByRole("radio", { name: /^Low/ }).check();
  await member.getByLabel("Evidence type").selectOption({ label: "Media report" });
  await member.getByLabel("Source 1: web address").fill("https://example.org/news/outage");
  await member.getByLabel("Archived copy (optional)").first().fill("ftp://example.org/outage");
  await member.getByRole("button", { name: "Send for review" }).click();
  await expect(member.locator("#assessments-error")).toContainText("Choose at least one norm the observation bears on.");
  await expect(member.locator("#sourceArchive-0-error")).toContainText("Links must start with http:// or https://.");
  await expect(member.getByLabel("Title")).toHaveValue(title);
  await expect(member.getByLabel("Actor 1")).toHaveValue(/^org:/);
  await member.getByLabel("Archived copy (optional)").first().fill("");
  await member.getByLabel(NORM, { exact: true }).selectOption({ label: "Inconsistent" });
  await member.getByRole("button", { name: "Send for review" }).click();
  await expect(member).toHaveURL(new RegExp(`/stocktakes/${year}$`));
  await member.context().close();
});

test("without script, a member chooses a clause, proposes an amendment after a refusal at its field, and supports another", async ({ browser, baseURL }) => {
  const page = await withoutScript(browser, baseURL, demo.member);
  await page.goto("/norms/protecting-electoral-infrastructure/amendments/new");
  await page.getByRole("radio", { name: /^Clause 4\./ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Clause 4 of version 3" })).toBeVisible();
  await page.getByRole("radio", { name: "A new clause after it" }).check();
  await page.getByLabel("The words you propose").fill("States should report each year on how they protect electoral infrastructure.");
  await page.getByRole("button", { name: "Propose the amendment" }).click();
  await expect(page.locator("#rationale-error")).toContainText("Explain why the clause should change (at least 20 characters).");
  await expect(page.getByLabel("The words you propose")).toHaveValue("States should report each year on how they protect electoral infrastructure.");
  await page.getByLabel("Rationale").fill("Yearly reports let other states see whether the norm is kept.");
  await page.getByRole("button", { name: "Propose the amendment" }).click();
  await expect(page).toHaveURL(/\/norms\/protecting-electoral-infrastructure\/amendments\/4$/);
  await expect(page.getByText("A new clause after clause 4").first()).toBeVisible();

  // Support for the open demo amendment (the member supports it already): withdrawn, then given again.
  await page.goto("/norms/protecting-electoral-infrastructure/amendments/3");
  await page.getByTestId("amendment-support-self").getByRole("button", { name: "Withdraw support" }).click();
  await expect(page.getByTestId("amendment-support-self").getByRole("button", { name: "Support" })).toBeVisible();
  await page.getByTestId("amendment-support-self").getByRole("button", { name: "Support" }).click();
  await expect(page.getByText("You support this amendment")).toBeVisible();
});
