import { readFile } from "node:fs/promises";
import { expect, open, signIn, signUpAndConfirm, test, unique } from "./support/fixtures";

const PASSWORD = "a long enough password";

test("a person downloads their data, deletes their account, and their comment then reads as by a former member", async ({ browser }, testInfo) => {
  test.slow();
  const name = `Privacy Tester ${unique("p")}`;
  const email = `${unique("privacy")}@example.test`;
  const body = `A comment from ${name} that outlives the account.`;

  const page = await (await browser.newContext()).newPage();
  await signUpAndConfirm(page, name, email, PASSWORD);
  await signIn(page, email, PASSWORD);

  // A comment on a norm in consultation whose stage is still open (the demo has one past its date,
  // which takes no comments).
  const list = (await (await page.request.get("/api/v1/norms?limit=100")).json()) as { items: { slug: string; status: string; stage: { closed: boolean } | null }[] };
  const slug = list.items.find((n) => n.status === "consultation" && n.stage && !n.stage.closed)!.slug;
  await open(page, `/norms/${slug}`);
  await page.getByLabel("Your comment").fill(body);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Your comment was posted.").first()).toBeVisible();

  // The download: a private attachment, holding the account and the comment.
  await open(page, "/account");
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator("#your-data").scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`account-privacy-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download your data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^norms-forum-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    account: { email: string; displayName: string };
    records: { table: string; column: string; rows: { body?: string }[] }[];
  };
  expect(data.account).toMatchObject({ email, displayName: name });
  expect(data.records.find((r) => r.table === "comments")!.rows.map((r) => r.body)).toContain(body);
  const direct = await page.request.get("/account/export");
  expect(direct.headers()["cache-control"]).toBe("private, no-store");
  expect(direct.headers()["content-disposition"]).toMatch(/^attachment; filename="norms-forum-my-data-/);

  // Deleting: the dialog asks for the password; a wrong one changes nothing.
  await page.getByRole("button", { name: "Delete your account" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("This cannot be undone.")).toBeVisible();
  await dialog.getByLabel("Your current password").fill("not my password");
  await dialog.getByRole("button", { name: "Yes, delete my account" }).click();
  await expect(dialog.getByText("Your password is not right.").first()).toBeVisible();
  await dialog.getByLabel("Your current password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Yes, delete my account" }).click();
  await expect(page).toHaveURL(/\/privacy\?notice=accountDeleted$/);
  await expect(page.getByText("Your account has been deleted")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

  // The comment stays, by a former member; the name is nowhere on the page.
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, `/norms/${slug}`);
  const comment = visitor.locator("article").filter({ hasText: body });
  await expect(comment.getByText("a former member")).toBeVisible();
  await expect(visitor.getByText(name, { exact: true })).toHaveCount(0);
  await expect(visitor.locator("body")).not.toContainText(email);

  // The old credentials no longer sign anyone in.
  const { csrfToken } = (await (await visitor.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await visitor.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
  expect((await visitor.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
});

test("a visitor cannot download anyone's data", async ({ page }) => {
  const response = await page.request.get("/account/export");
  expect(response.status()).toBe(401);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(response.headers()["content-disposition"]).toBeUndefined();
  expect(await response.json()).toEqual({ error: { message: "Sign in to download your data." } });
});

test("the privacy notice is linked from the footer and from sign-up, and fits narrow and wide screens", async ({ page }, testInfo) => {
  await open(page, "/sign-up");
  await page.getByRole("link", { name: "privacy notice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  await open(page, "/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  for (const heading of ["Your account", "Positions, statements and replies", "Audit log", "Rate limits", "Server logs", "Mail"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`privacy-${width}.png`), fullPage: true });
  }
});
