import { expect, open, signIn, test, unique } from "./support/fixtures";

// Issue 14, item 9: feedback after actions. A demo norm in consultation takes comments.
const normUrl = "/norms/protecting-the-public-core-of-the-internet";

test("a posted comment is on the page by the time its toast says so, and the button shows it is working meanwhile", async ({ page }) => {
  await signIn(page, "member@demo.normsforum.example");
  await open(page, normUrl);
  const text = `Feedback check ${unique("fb")}: the clause should name who may ask for help.`;
  const post = page.getByRole("button", { name: "Post comment" });
  // Enabled once the composer is interactive (it is disabled until then).
  await expect(post).toBeEnabled();
  await page.getByLabel("Your comment").fill(text);
  // Record, at the first moment the toast is in the page, whether the comment already is; and whether
  // the button was ever marked pending.
  await page.evaluate((body) => {
    const w = window as unknown as { seen?: { toast: boolean; comment: boolean; pending: boolean } };
    w.seen = { toast: false, comment: false, pending: false };
    new MutationObserver(() => {
      const seen = w.seen!;
      if (document.querySelector("button[data-pending]")) seen.pending = true;
      if (seen.toast) return;
      const toast = [...document.querySelectorAll("[data-sonner-toast]")].some((t) => t.textContent?.includes("Your comment was posted."));
      if (!toast) return;
      seen.toast = true;
      seen.comment = [...document.querySelectorAll("article")].some((a) => a.textContent?.includes(body));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, text);
  await post.click();
  await expect(page.getByText("Your comment was posted.").first()).toBeVisible();
  await expect(page.locator("article").filter({ hasText: text })).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { seen: { toast: boolean; comment: boolean; pending: boolean } }).seen);
  expect(seen.toast).toBe(true);
  expect(seen.comment, "the comment was on the page when the toast appeared").toBe(true);
  expect(seen.pending, "the Post button showed it was working").toBe(true);
});

test("between pages, the next page's skeleton shows until it arrives", async ({ page }) => {
  await open(page, "/norms");
  // Hold the next page's data for a moment, as a slow network would.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === normUrl,
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.locator("main").getByRole("link", { name: "Protecting the public core of the internet" }).first().click();
  const skeleton = page.getByTestId("page-skeleton");
  await expect(skeleton).toBeVisible();
  await expect(skeleton).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toBeAttached();
  release();
  await expect(page.getByRole("heading", { level: 1, name: "Protecting the public core of the internet" })).toBeVisible();
  await expect(skeleton).toHaveCount(0);
});

test("without script, the norm list and a norm page show their content on the first visit", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/norms");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main").getByRole("link", { name: "Protecting the public core of the internet" }).first()).toBeVisible();
  await expect(page.getByTestId("page-skeleton")).toHaveCount(0);
  await page.goto(normUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Protecting the public core of the internet" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Where stakeholders stand" })).toBeVisible();
  await context.close();
});
