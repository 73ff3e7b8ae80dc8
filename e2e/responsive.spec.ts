import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";

// Runs in the 390 px wide "mobile" project: no page may scroll sideways.
// The demo data publishes last year's stock-take and opens this year's.
const thisYear = new Date().getUTCFullYear();
const publicPages = [
  "/norms",
  "/norms?q=emergency",
  "/norms/protecting-the-public-core-of-the-internet",
  "/norms/protecting-the-public-core-of-the-internet/v/1",
  "/norms/protecting-the-public-core-of-the-internet/redline?from=1&to=3&view=side",
  // The demo norm in French with English and Arabic translations (db/demo-translations.ts).
  "/norms/signalement-responsable-des-vulnerabilites-des-technologies",
  "/ar/norms/signalement-responsable-des-vulnerabilites-des-technologies",
  "/fr/norms/signalement-responsable-des-vulnerabilites-des-technologies",
  "/open-data",
  "/reference",
  "/reference/norms/ungge-f",
  "/forums",
  "/compare?items=ref:ungge-f,norm:protecting-the-public-core-of-the-internet@1",
  "/search?q=infrastructure",
  "/about/citing",
  "/about/methodology",
  "/house-rules",
  "/moderation-log",
  "/stocktakes",
  `/stocktakes/${thisYear - 1}`,
  `/stocktakes/${thisYear - 1}/revisions/1`,
  `/stocktakes/${thisYear}`,
  "/",
  "/states",
  "/states/ke",
  "/states/tv",
  "/compare/actors?ids=state:KE,state:DE,org:ministry-of-foreign-affairs-of-kenya",
  "/glossary",
  "/about/codebook",
  "/about/codebook/v0",
  "/stocktakes/corrections",
  "/organizations", "/organizations/ministry-of-foreign-affairs-of-kenya", "/sign-in", "/sign-up", "/forgot-password"];
const staffPages = [
  "/norms/new",
  "/norms/mine",
  "/norms/signalement-responsable-des-vulnerabilites-des-technologies/v/1/translate?language=zh",
  "/secretariat",
  "/secretariat/verification",
  "/secretariat/users",
  "/secretariat/organizations",
  "/secretariat/moderation",
  "/secretariat/stocktakes",
  `/secretariat/stocktakes/${thisYear}`,
  `/stocktakes/${thisYear}/observations/new`,
  "/admin/audit",
  "/admin/library",
  "/account",
];
// Pages only a participant sees filled in (staff take no part, so theirs show a notice instead).
const memberPages = [`/stocktakes/${thisYear}/observations/new`];

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

test("public pages fit a 390 px screen", async ({ page }) => {
  for (const path of publicPages) await expectNoSidewaysScroll(page, path);
});

test("staff pages fit a 390 px screen", async ({ page }) => {
  await signIn(page, "admin@demo.normsforum.example");
  for (const path of staffPages) await expectNoSidewaysScroll(page, path);
});

test("participant pages fit a 390 px screen", async ({ page }) => {
  await signIn(page, "member@demo.normsforum.example");
  for (const path of memberPages) await expectNoSidewaysScroll(page, path);
});
