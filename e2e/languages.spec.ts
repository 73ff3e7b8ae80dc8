// The forum in the six UN languages (issue 20): the switcher on every page keeps the reader on the
// same page; each language sets the document's lang and dir, translates headings and pluralises
// counts by its own CLDR rules; the choice is remembered; Arabic fits a phone; axe finds nothing in
// any language on the key pages.
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import type { Page } from "@playwright/test";
import { demo, expect, open, signIn, test } from "./support/fixtures";

type Tree = { [key: string]: string | Tree };
const LOCALES = ["ar", "zh", "fr", "ru", "es"] as const;
type Locale = (typeof LOCALES)[number] | "en";
const NAMES: Record<Locale, string> = { en: "English", ar: "العربية", zh: "中文", fr: "Français", ru: "Русский", es: "Español" };
const LANG: Record<Locale, string> = { en: "en-GB", ar: "ar", zh: "zh-Hans", fr: "fr", ru: "ru", es: "es" };
const FORMAT: Record<Locale, string> = { ...LANG, ar: "ar-u-nu-latn" };

/** A message as the language's file has it ("common.home.title"), formatted like next-intl would. */
function message(locale: Locale, key: string, values: Record<string, string | number> = {}) {
  const [ns, ...path] = key.split(".");
  let node: string | Tree = JSON.parse(readFileSync(`messages/${locale}/${ns}.json`, "utf8")) as Tree;
  for (const part of path) node = (node as Tree)[part]!;
  return String(new IntlMessageFormat(node as string, FORMAT[locale]).format(values));
}

/** A sentence the server writes in English, as the language's catalogue has it (messages/<locale>/serverText.json). */
function serverMessage(locale: Locale, english: string) {
  const read = (l: Locale) => (JSON.parse(readFileSync(`messages/${l}/serverText.json`, "utf8")) as { text: Record<string, string> }).text;
  const key = Object.entries(read("en")).find(([, text]) => text === english)?.[0];
  if (!key) throw new Error(`Not in the catalogue: ${english}`);
  return read(locale)[key]!;
}

const NORM = "/norms/coordinated-disclosure-of-ict-vulnerabilities";

async function expectLanguage(page: Page, locale: Locale) {
  await expect(page.locator("html")).toHaveAttribute("lang", LANG[locale]);
  await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
}

test.describe("the six languages", () => {
  test("the switcher keeps the reader on the same page in each language, with its headings, plurals, direction and the choice remembered", async ({ page }) => {
    // The count the norm page states in English, to be stated in each language by its own plural rules.
    await open(page, NORM);
    const total = Number((await page.getByText(/^\d+ positions? counted$/).first().textContent())!.match(/\d+/)![0]);

    for (const locale of LOCALES) {
      await open(page, "/");
      await page.getByTestId("language-switcher").getByRole("link", { name: NAMES[locale] }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}$`));
      await expectLanguage(page, locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(message(locale, "common.home.title"));
      expect(message(locale, "common.home.title")).not.toBe(message("en", "common.home.title"));

      // From there, a link keeps the language; the norm page counts in it.
      await open(page, `/${locale}${NORM}`);
      await expectLanguage(page, locale);
      await expect(page.getByText(message(locale, "positions.figures.total", { count: total }), { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("link", { name: message(locale, "common.nav.norms"), exact: true }).first()).toHaveAttribute("href", `/${locale}/norms`);

      // The published report.
      await open(page, `/${locale}/stocktakes/2025`);
      await expectLanguage(page, locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(message(locale, "stocktakes.report.title", { year: 2025 }));
    }

    // The choice is remembered: the unprefixed address now opens in the last language chosen,
    // until English is chosen again.
    await page.goto("/norms");
    await expect(page).toHaveURL(/\/es\/norms$/);
    await page.getByTestId("language-switcher").getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/norms$/);
    await expect(page).not.toHaveURL(/\/(en|es)\/norms$/);
    await expectLanguage(page, "en");
    await page.goto("/");
    await expectLanguage(page, "en");
  });

  test("a first visit follows the browser's language", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: "ru-RU", baseURL });
    const page = await context.newPage();
    await page.goto("/reference");
    await expect(page).toHaveURL(/\/ru\/reference$/);
    await expectLanguage(page, "ru");
    // The head names the page in every language.
    await expect(page.locator('link[rel="alternate"][hreflang="fr"]')).toHaveAttribute("href", /\/fr\/reference$/);
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", /\/reference$/);
    await context.close();
  });

  test("the norm form shows its errors in the reader's language", async ({ page }) => {
    await signIn(page, demo.member);
    for (const locale of ["fr", "ar"] as const) {
      await open(page, `/${locale}/norms/new`);
      await expectLanguage(page, locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(message(locale, "normForm.new.title"));
      await page.getByRole("button", { name: message(locale, "normForm.form.create") }).click();
      await expect(page.getByRole("alert").getByRole("heading", { name: message(locale, "common.errors.problemTitle") })).toBeVisible();
      // The form's own check uses the procedure's schema, whose sentences are the server's: they
      // are shown in the page's language, in the summary and under the field.
      const title = serverMessage(locale, "Enter a title of at least 5 characters.");
      await expect(page.getByRole("alert").getByRole("link", { name: title })).toBeVisible();
      await expect(page.locator("#title-error")).toContainText(title);
      await expect(page.getByText("Enter a title of at least 5 characters.")).toHaveCount(0);
      await expect(page).toHaveURL(new RegExp(`/${locale}/norms/new`));
    }
  });

  test("a form answered by the server before its script has loaded gives the server's refusal in the reader's language", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    for (const locale of ["ru", "zh"] as const) {
      await page.goto(`/${locale}/sign-in`);
      await expectLanguage(page, locale);
      await page.getByLabel(message(locale, "auth.signIn.email")).fill("not-an-email");
      await page.getByLabel(message(locale, "auth.signIn.password"), { exact: true }).fill("a password of some length");
      await page.getByRole("button", { name: message(locale, "auth.signIn.submit"), exact: true }).click();
      await expect(page.getByText(serverMessage(locale, "Enter an email address in the correct format, like name@example.org.")).first()).toBeVisible();
      await expect(page.getByText("Enter an email address in the correct format")).toHaveCount(0);
    }
    await context.close();
  });

  test("Arabic fits a 390 px phone without clipping", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/ar", `/ar${NORM}`, "/ar/norms", "/ar/stocktakes/2025"]) {
      await open(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
      await testInfo.attach(`${path} at 390 px`, { body: await page.screenshot(), contentType: "image/png" });
    }
  });

  // One test per language, each with its own time: the twelve pages of all six in one test came
  // within seconds of a four-minute limit on a slow machine.
  const keyPages = ["/", "/norms", NORM, "/stocktakes/2025", "/reference", "/states", "/organizations", "/glossary", "/about/methodology", "/search?q=infrastructure", "/sign-in", "/house-rules"];
  for (const locale of ["en", ...LOCALES] as const) {
    test(`axe finds no violations on the key pages in ${locale}`, async ({ page }) => {
      test.setTimeout(150_000);
      const found: string[] = [];
      for (const path of keyPages) {
        const address = locale === "en" ? path : `/${locale}${path === "/" ? "" : path}`;
        await page.goto(address);
        const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        for (const v of violations) found.push(`${address}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`);
      }
      expect(found).toEqual([]);
    });
  }
});
