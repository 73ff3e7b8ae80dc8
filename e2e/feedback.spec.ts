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
