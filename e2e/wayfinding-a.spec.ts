import type { Page } from "@playwright/test";
import { expect, open, test } from "./support/fixtures";

/**
 * The focused element's colours as the browser computed them: its text against the first opaque
 * background behind it, and its focus indicator (its own fill, or else its outline) against the
 * colour around it. WCAG 2.2: 4.5:1 for text, 3:1 for the indicator.
 */
async function focusedContrast(page: Page) {
  return page.evaluate(() => {
    const parse = (css: string): [number, number, number, number] => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`unparsed colour ${css}`);
      const [r, g, b, a = "1"] = m[1]!.split(/[\s,/]+/).filter(Boolean);
      return [Number(r), Number(g), Number(b), Number(a)];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const backgroundOf = (start: Element | null) => {
      for (let el = start; el; el = el.parentElement) {
        const c = parse(getComputedStyle(el).backgroundColor);
        if (c[3] > 0) return c;
      }
      return [255, 255, 255, 1] as [number, number, number, number];
    };
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const own = parse(style.backgroundColor);
    const behind = backgroundOf(el.parentElement);
    const background = own[3] > 0 ? own : behind;
    const outline = parse(style.outlineColor);
    const outlineShown = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && outline[3] > 0;
    // The indicator is the element's own fill when it has one that differs from around it,
    // otherwise its outline.
    const indicator = own[3] > 0 && ratio(own, behind) > 1 ? own : outlineShown ? outline : null;
    return {
      name: (el.textContent ?? "").trim() || el.tagName,
      text: ratio(parse(style.color), background),
      indicator: indicator ? ratio(indicator, behind) : 0,
    };
  });
}

for (const signedIn of [false, true]) {
  test(`every header control keeps readable text and a visible focus indicator when focused by keyboard (${signedIn ? "signed in" : "visitor"})`, async ({ page }) => {
    if (signedIn) {
      const { signIn, demo } = await import("./support/fixtures");
      await signIn(page, demo.admin);
    }
    await open(page, "/norms");
    const measured: { name: string; text: number; indicator: number }[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      const inHeader = await page.evaluate(() => Boolean(document.activeElement?.closest("header")));
      if (!inHeader) {
        if (measured.length) break;
        continue;
      }
      measured.push(await focusedContrast(page));
    }
    expect(measured.length, "header controls reached by Tab").toBeGreaterThanOrEqual(6);
    for (const m of measured) {
      expect(m.text, `text contrast of focused "${m.name}"`).toBeGreaterThanOrEqual(4.5);
      expect(m.indicator, `focus indicator contrast of "${m.name}"`).toBeGreaterThanOrEqual(3);
    }
  });
}

test("before its script runs, forms the browser can send are usable: sign-in and search", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  // The sign-in form posts to a server action (e2e/forms-without-script.spec.ts signs in with it).
  const submit = page.getByRole("button", { name: "Sign in", exact: true });
  await expect(submit).toBeVisible();
  await expect(submit).toBeEnabled();
  // A GET form rendered on the server stays usable too.
  await page.goto("/search");
  await page.getByRole("searchbox").first().fill("cyber");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=cyber/);
  await context.close();
});

async function signInThroughForm(page: Page, email: string) {
  const { DEMO_PASSWORD } = await import("./support/fixtures");
  await page.locator("body[data-hydrated]").waitFor();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("\"Sign in to comment\" comes back to the comment form, and the header's \"Sign in\" to the page it was followed from", async ({ page }) => {
  const { demo } = await import("./support/fixtures");
  const norm = "/norms/protecting-the-public-core-of-the-internet";
  await open(page, norm);
  await page.getByRole("link", { name: "Sign in to comment." }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signInThroughForm(page, demo.member);
  await expect(page).toHaveURL(`${norm}#new-comment`);
  await expect(page.locator("#new-comment-heading")).toBeInViewport();

  await page.context().clearCookies();
  await open(page, "/stocktakes?from=header#top");
  await page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstocktakes%3Ffrom%3Dheader%23top$/);
  await signInThroughForm(page, demo.member);
  await expect(page).toHaveURL("/stocktakes?from=header#top");
});

test("a callbackUrl that leaves the site is refused: signing in lands on the account page, as with none", async ({ page }) => {
  const { demo } = await import("./support/fixtures");
  await open(page, `/sign-in?callbackUrl=${encodeURIComponent("//evil.example/phish")}`);
  await signInThroughForm(page, demo.member);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/account$/);
});

/** A new private draft by the demo representative; the page ends on the draft. */
async function createDraft(page: Page) {
  const { signIn, unique } = await import("./support/fixtures");
  await signIn(page, "rep@demo.normsforum.example");
  await open(page, "/norms/new");
  await page.getByLabel("Title", { exact: true }).fill(`Primary actions on a draft ${unique("n")}`);
  await page.getByLabel("Summary", { exact: true }).fill("States should keep the primary action of a page clear to those who use it.");
  await page.getByLabel("Clause 1", { exact: true }).fill("States should not conduct cyber operations that impair water supplies.");
  await page.getByRole("checkbox", { name: /^II\./ }).check();
  await page.getByRole("radio", { name: /Mutual restraint/ }).check();
  await page.getByRole("radio", { name: /Political/ }).check();
  await page.getByRole("button", { name: "Save as a private draft" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "What you can do" })).toBeVisible();
  await page.locator("body[data-hydrated]").waitFor();
  return page.locator("section[aria-labelledby='actions-heading']");
}

test("on a draft, submitting is the one primary action and withdrawing is destructive but secondary", async ({ page }) => {
  const actions = await createDraft(page);
  await expect(actions.getByRole("button", { name: "Submit to consultation" })).toHaveAttribute("data-variant", "default");
  await expect(actions.getByRole("button", { name: "Withdraw", exact: true })).toHaveAttribute("data-variant", "destructive-secondary");
  await expect(actions.locator("[data-variant='default']")).toHaveCount(1);
  await expect(actions.locator("[data-variant='destructive']")).toHaveCount(0);
});

test("a toast covers none of the header's links", async ({ page }) => {
  const actions = await createDraft(page);
  await actions.getByRole("button", { name: "Withdraw", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: /Withdraw/ }).click();
  const toast = page.locator("[data-sonner-toast]").first();
  await expect(toast).toBeVisible();
  // While the dialog closes, the rest of the page is hidden from the accessibility tree.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const links = page.getByRole("banner").locator("a, button");
  await expect.poll(() => links.count()).toBeGreaterThan(3);
  await expect(toast).toBeVisible();
  const box = (await toast.boundingBox())!;
  for (const link of await links.all()) {
    const l = await link.boundingBox();
    if (!l) continue;
    const overlaps = box.x < l.x + l.width && l.x < box.x + box.width && box.y < l.y + l.height && l.y < box.y + box.height;
    expect(overlaps, `toast over header control "${await link.textContent()}"`).toBe(false);
  }
});
