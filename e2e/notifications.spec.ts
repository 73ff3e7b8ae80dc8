import type { Page } from "@playwright/test";
import { demo, expect, mailContaining, open, signIn, signUpAndConfirm, test, unique } from "./support/fixtures";
import { normInConsultation } from "./support/norms";

/** The unread count the header's Notifications link announces ("Notifications, 3 unread"); 0 when it says none. */
async function unreadInHeader(page: Page): Promise<number> {
  const name = (await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ }).getAttribute("data-unread")) ?? "0";
  return Number(name);
}

test("a person follows a norm, sees the unread count rise when it gets a new version, opens the notification at the redline, and the count drops", async ({ browser }) => {
  test.slow();
  const title = `Protecting undersea cables ${unique("follow")}`;
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);

  // A visitor is asked to sign in to follow; the same link for every visitor.
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, normUrl);
  await expect(visitor.getByRole("link", { name: "Sign in to follow" })).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(normUrl)}`);

  const follower = await (await browser.newContext()).newPage();
  await signIn(follower, demo.delegate);
  await open(follower, normUrl);
  await follower.getByRole("button", { name: "Follow this norm" }).click();
  await expect(follower.getByText("You follow this norm.")).toBeVisible();
  await expect(follower.getByRole("button", { name: "Unfollow" })).toBeVisible();
  // It is listed under what they follow, with why.
  await open(follower, "/account/notifications");
  const item = follower.getByTestId("follow-item").filter({ hasText: title });
  await expect(item.getByRole("link", { name: title })).toHaveAttribute("href", normUrl);
  await expect(item.getByText("You chose to follow it")).toBeVisible();
  const before = await unreadInHeader(follower);

  // The author publishes version 2.
  await open(author, `${normUrl}/edit`);
  await author.getByLabel("Clause 1", { exact: true }).fill("States should not damage or tap undersea cables.");
  await author.getByLabel("What changed in this version").fill("Tapping is named too.");
  await author.getByRole("button", { name: "Save version 2" }).click();
  await expect(author.getByText("Version 2 saved.").first()).toBeVisible();

  // The follower's count rises once the event is fanned out, in the background rather than in the
  // author's request: the queue's fan-out is woken after the event is written (no tick runs here).
  const sentence = `“${title}” has a new text: version 2.`;
  await expect
    .poll(
      async () => {
        await follower.goto("/notifications");
        return (await follower.getByTestId("notification").filter({ hasText: sentence }).count()) > 0 ? await unreadInHeader(follower) : -1;
      },
      { timeout: 30_000 },
    )
    .toBe(before + 1);
  const notification = follower.getByTestId("notification").filter({ hasText: sentence });
  await expect(notification).toHaveAttribute("data-unread", "yes");
  await expect(notification.getByText("Unread", { exact: true })).toBeVisible();
  await expect(notification.getByText("Read what changed in the redline.")).toBeVisible();

  // Opening it lands at the redline of versions 1 and 2, and marks it read.
  await follower.locator("body[data-hydrated]").waitFor();
  await notification.getByRole("button", { name: sentence }).click();
  await follower.waitForURL(`**${normUrl}/redline?from=1&to=2`);
  await expect(follower.locator("ins").filter({ hasText: "tap" }).first()).toBeVisible();
  expect(await unreadInHeader(follower)).toBe(before);
  await open(follower, "/notifications");
  await expect(follower.getByTestId("notification").filter({ hasText: sentence })).toHaveAttribute("data-unread", "no");

  // Unfollowing from the account page removes it from the list, with a confirmation.
  await open(follower, "/account/notifications");
  await follower.getByRole("button", { name: `Unfollow ${title}` }).click();
  await expect(follower.getByTestId("unfollowed")).toBeVisible();
  await expect(follower.getByTestId("follow-item").filter({ hasText: title })).toHaveCount(0);
});

test("a visitor is asked to sign in at /notifications, and comes back there", async ({ page }) => {
  await open(page, "/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to see your notifications" })).toBeVisible();
  await expect(page.getByTestId("notifications-sign-in")).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent("/notifications")}`);
  await expect(page.getByTestId("notification")).toHaveCount(0);
  // The header of a visitor's page shows no count.
  await expect(page.getByRole("link", { name: /^Notifications/ })).toHaveCount(0);
});

test("mail choices are saved per category with a confirmation", async ({ page }) => {
  await signIn(page, demo.delegate);
  await open(page, "/account/notifications");
  await expect(page.getByTestId("mail-address")).toContainText(demo.delegate);
  const group = page.getByRole("group", { name: "New proposals" });
  await group.getByRole("radio", { name: "Daily digest" }).check();
  await page.getByRole("button", { name: "Save mail choices" }).click();
  await expect(page.getByTestId("preferences-saved")).toBeVisible();
  await open(page, "/account/notifications");
  await expect(page.getByRole("group", { name: "New proposals" }).getByRole("radio", { name: "Daily digest" })).toBeChecked();
  await page.getByRole("group", { name: "New proposals" }).getByRole("radio", { name: "Weekly digest" }).check();
  await page.getByRole("button", { name: "Save mail choices" }).click();
  await expect(page.getByTestId("preferences-saved")).toBeVisible();
});

test("a follower mailed at once about a new version stops that mail with one click (RFC 8058), without signing in", async ({ browser, request }) => {
  test.slow();
  const title = `Protecting satellite links ${unique("mail")}`;
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);

  const email = `${unique("follower")}@example.org`;
  const follower = await (await browser.newContext()).newPage();
  await signUpAndConfirm(follower, "Ines Follower", email);
  await signIn(follower, email, "a long enough password");
  await open(follower, "/account/notifications");
  const norms = () => follower.getByRole("group", { name: /^Norms you follow/ });
  await norms().getByRole("radio", { name: "Immediately" }).check();
  await follower.getByRole("button", { name: "Save mail choices" }).click();
  await expect(follower.getByTestId("preferences-saved")).toBeVisible();
  await open(follower, normUrl);
  await follower.getByRole("button", { name: "Follow this norm" }).click();
  await expect(follower.getByText("You follow this norm.")).toBeVisible();

  await open(author, `${normUrl}/edit`);
  await author.getByLabel("Clause 1", { exact: true }).fill("States should not damage or jam satellite links.");
  await author.getByLabel("What changed in this version").fill("Jamming is named too.");
  await author.getByRole("button", { name: "Save version 2" }).click();
  await expect(author.getByText("Version 2 saved.").first()).toBeVisible();

  // The mail arrives (fanned out and sent by the queue), with its one-click address.
  // (The sink decodes bytes one by one, so the sentence's curly quotes are not matched here.)
  const raw = (await mailContaining(email, title)).replace(/\r?\n[ \t]+/g, " ");
  expect(raw).toContain("has a new text: version 2.");
  expect(raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  const oneClick = raw.match(/List-Unsubscribe: <([^>]+)>/)![1]!;
  expect(new URL(oneClick).pathname).toBe("/api/unsubscribe");

  // A link scanner's GET changes nothing: it is sent to the page with its button.
  const scanned = await request.get(oneClick, { maxRedirects: 0 });
  expect(scanned.status()).toBe(303);
  await open(follower, "/account/notifications");
  await expect(norms().getByRole("radio", { name: "Immediately" })).toBeChecked();

  // The mail client's POST, with no cookie, stops that category.
  const stopped = await request.post(oneClick, { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "List-Unsubscribe=One-Click" });
  expect(stopped.status()).toBe(200);
  await open(follower, "/account/notifications");
  await expect(norms().getByRole("radio", { name: "Off" })).toBeChecked();

  // A forged token is refused with a plain answer, not an error page.
  const forged = await request.post(oneClick.replace(/\.[^.&]+$/, ".forged"), { data: "List-Unsubscribe=One-Click" });
  expect(forged.status()).toBe(400);
});
