// The consultation clock's pages (issue 16): the public rules (/about/process), the admin's form for
// the stage lengths (/admin/process) and the secretariat's desk of norms past their closing date
// (/secretariat/decisions). Each check runs at 1280 px and at 390 px. What a test changes (a stage
// length, the forum's clock) is put back at its end: the specs share one server.
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { demo, expect, open, signIn, test, unique } from "./support/fixtures";

const DAY = 24 * 60 * 60 * 1000;
// The demo's norms in endorsement; the seed gives them the stage's default (45 days) from the day
// the server started, as migration 0021 did for norms already in a stage.
const ENDORSEMENT_NORMS = ["Protecting the work of emergency response teams", "No peacetime attacks on critical infrastructure serving the public"];
const ENDORSEMENT = { defaultDays: 45, minimumDays: 21 };
// The demo's consultation whose last open day was three days before the server started (db/demo-norms.ts).
const PAST_CONSULTATION = "Preserving the integrity of financial system data";
const PAST_CONSULTATION_SLUG = "preserving-the-integrity-of-financial-system-data";

/**
 * Midnight (UTC) of the day the demo was seeded: the past consultation's last open day, as the open
 * data publishes it, plus the three days the seed puts between them. The demo's dates count from
 * that day, not from the day the test runs, so a run that crosses midnight still agrees with them.
 */
async function demoSeedDay(request: APIRequestContext) {
  const response = await request.get(`/api/v1/norms/${PAST_CONSULTATION_SLUG}`);
  expect(response.status()).toBe(200);
  const norm = (await response.json()) as { stage: { name: string; lastOpenDay: string } | null };
  expect(norm.stage?.name).toBe("consultation");
  return Date.parse(`${norm.stage!.lastOpenDay}T00:00:00Z`) + 3 * DAY;
}

async function trpcPost(request: APIRequestContext, path: string, input: unknown) {
  const response = await request.post(`/api/trpc/${path}`, { headers: { origin: baseURL, "content-type": "application/json" }, data: { json: input } });
  expect(response.status(), await response.text()).toBe(200);
}

const setClock = (request: APIRequestContext, at: string | null) => trpcPost(request, "testing.setClock", { at, stopped: false });

/** Puts endorsement's lengths back as the demo has them, if a test changed them (as an admin). */
async function restoreEndorsement(request: APIRequestContext) {
  const body = (await (await request.get("/api/trpc/process.rules")).json()) as {
    result: { data: { json: { rules: { stage: string; defaultDays: number; minimumDays: number }[] } } };
  };
  const rule = body.result.data.json.rules.find((r) => r.stage === "endorsement")!;
  if (rule.defaultDays === ENDORSEMENT.defaultDays && rule.minimumDays === ENDORSEMENT.minimumDays) return;
  await trpcPost(request, "process.changeRule", { stage: "endorsement", ...ENDORSEMENT, reason: "Back to the published lengths after an end-to-end test." });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** A whole-page screenshot kept with the test's results, to look at the page at each width. */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

const widths = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const size of widths) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("anyone can read how a norm moves through the forum, with the stage lengths in force", async ({ page }, testInfo) => {
      const response = await open(page, "/about/process");
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "How a norm moves through the forum" })).toBeVisible();
      const rules = page.getByTestId("stage-rules");
      await expect(rules).toContainText("Consultation runs 60 days by default; the secretariat may set a closing date no sooner than 30 days after it starts.");
      await expect(rules).toContainText("Endorsement runs 45 days by default; the secretariat may set a closing date no sooner than 21 days after it starts.");
      await expect(page.getByText("closed, awaiting the secretariat's decision", { exact: false })).toBeVisible();
      // The example is worked out from the lengths in force: 60 days from 1 December.
      await expect(page.getByText("is open until the end of 30 January 2027 and closed from 00:00 UTC on 31 January 2027")).toBeVisible();
      // The history: a table of changes, or a sentence saying there are none.
      await expect(page.getByTestId("rule-changes").or(page.getByTestId("rule-changes-empty"))).toBeVisible();
      // No admin link for a visitor; the page is found from the footer.
      await expect(page.getByRole("link", { name: /Change the stage lengths/ })).toHaveCount(0);
      await expect(page.getByRole("contentinfo").getByRole("link", { name: "How a norm moves through the forum" })).toHaveAttribute("href", "/about/process");
      await expectNoSidewaysScroll(page);
      await screenshot(page, testInfo, `about-process-${size.width}.png`);
    });

    test("an admin changes endorsement's default length with a reason, and the change is published", async ({ page }, testInfo) => {
      await signIn(page, demo.admin);
      try {
        await open(page, "/admin/process");
        await expect(page.getByRole("heading", { level: 1, name: "Stage lengths" })).toBeVisible();
        const form = page.getByRole("region", { name: "Endorsement", exact: true });
        await expect(page.getByTestId("endorsement-current")).toHaveText("Now: 45 days by default, at least 21 days.");

        // A default below the minimum and no reason: each problem at its field, nothing changed.
        await form.getByLabel("Default length, in days").fill("14");
        await form.getByRole("button", { name: "Change endorsement" }).click();
        await expect(form.locator("#endorsement-defaultDays-error")).toContainText("The default length cannot be shorter than the minimum.");
        await expect(form.locator("#endorsement-reason-error")).toContainText("Say in a sentence why the rule changes");
        await expect(form.getByLabel("Default length, in days")).toHaveValue("14");
        await expectNoSidewaysScroll(page);
        await screenshot(page, testInfo, `admin-process-errors-${size.width}.png`);

        const reason = `Endorsement has run shorter in practice (${unique("e2e")}).`;
        await form.getByLabel("Default length, in days").fill("44");
        await form.getByLabel("Reason for the change").fill(reason);
        await form.getByRole("button", { name: "Change endorsement" }).click();
        await expect(page.getByTestId("endorsement-saved")).toContainText("Endorsement now runs 44 days by default, and at least 21 days.");
        await expect(page.getByTestId("endorsement-current")).toHaveText("Now: 44 days by default, at least 21 days.");
        await expect(form.getByLabel("Reason for the change")).toHaveValue("");
        await screenshot(page, testInfo, `admin-process-saved-${size.width}.png`);

        await page.getByRole("link", { name: "See the public page and the history of changes" }).click();
        await expect(page.getByTestId("stage-rules")).toContainText("Endorsement runs 44 days by default");
        const row = page.getByTestId("rule-changes").getByRole("row").filter({ hasText: reason });
        await expect(row).toContainText("Endorsement");
        await expect(row).toContainText("45 days to 44 days");
        await expect(row).toContainText("21 days (unchanged)");
        await expect(row).toContainText("Changed by");
        await expect(page.getByRole("link", { name: "Change the stage lengths (administrators)" })).toBeVisible();
        await expectNoSidewaysScroll(page);
        await screenshot(page, testInfo, `about-process-history-${size.width}.png`);
      } finally {
        await restoreEndorsement(page.request);
      }
      // And a visitor sees the change too (the cached page follows the rules).
      const visitor = await page.context().browser()!.newPage({ baseURL });
      await visitor.goto("/about/process");
      await expect(visitor.getByTestId("stage-rules")).toContainText("Endorsement runs 45 days by default");
      await expect(visitor.getByTestId("rule-changes").getByRole("row").filter({ hasText: "Back to the published lengths" }).first()).toBeVisible();
      await visitor.close();
    });

    test("only an admin may open the stage-length form", async ({ page }) => {
      expect((await page.goto("/admin/process"))?.status()).toBe(401);
      await signIn(page, demo.member);
      expect((await page.goto("/admin/process"))?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "You do not have permission to see this page" })).toBeVisible();
      await expect(page.getByLabel("Reason for the change")).toHaveCount(0);
      await signIn(page, demo.secretariat);
      expect((await page.goto("/admin/process"))?.status()).toBe(403);
      // The secretariat's own pages do not offer it either.
      await page.goto("/secretariat");
      await expect(page.getByRole("link", { name: "Change the stage lengths" })).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: "Secretariat" }).getByRole("link", { name: "Stage lengths" })).toHaveCount(0);
    });

    test("the secretariat sees the norms whose stage has passed its closing date, the longest waiting first", async ({ page, request }, testInfo) => {
      // "Today" is the demo's seeding day, and the forum's clock is set to its noon: the figures below
      // count from it, whichever day the run reaches this test.
      const today = await demoSeedDay(request);
      const utcDay = (at: number) => `${new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(at))} (UTC)`;
      await signIn(page, demo.secretariat);
      const rows = page.getByTestId("decision-row");
      try {
        await setClock(request, new Date(today + 12 * 60 * 60 * 1000).toISOString());
        await open(page, "/secretariat/decisions");
        await expect(page.getByRole("heading", { level: 1, name: "Norms awaiting a decision" })).toBeVisible();
        // The demo's consultation past its date: its last open day was three days ago, so it has waited two full days.
        const pastConsultation = rows.filter({ hasText: PAST_CONSULTATION });
        await expect(pastConsultation).toContainText("Consultation");
        await expect(pastConsultation).toContainText(utcDay(today - 3 * DAY));
        await expect(pastConsultation).toContainText("2 days");
        for (const title of ENDORSEMENT_NORMS) await expect(rows.filter({ hasText: title })).toHaveCount(0);

        // A week ago, no stage had reached its date.
        await setClock(request, new Date(today - 7 * DAY + 12 * 60 * 60 * 1000).toISOString());
        await open(page, "/secretariat/decisions");
        await expect(page.getByTestId("decisions-empty")).toBeVisible();
        await screenshot(page, testInfo, `decisions-empty-${size.width}.png`);

        // Endorsement's last open day is 45 days from today (UTC); three days after it, both demo norms in endorsement wait too.
        const lastDay = today + ENDORSEMENT.defaultDays * DAY;
        await setClock(request, new Date(lastDay + 3 * DAY + 12 * 60 * 60 * 1000).toISOString());
        await open(page, "/secretariat/decisions");
        // Norms other specs moved into a stage today wait beside them.
        await expect(page.getByTestId("decisions-count")).toHaveText(/^\d+ norms are waiting\.$/);
        expect(await rows.count()).toBeGreaterThanOrEqual(3);
        await expect(rows.first()).toContainText(PAST_CONSULTATION);
        for (const title of ENDORSEMENT_NORMS) {
          const row = rows.filter({ hasText: title });
          await expect(row).toContainText("Endorsement");
          await expect(row).toContainText(utcDay(lastDay));
          await expect(row).toContainText("2 days");
        }
        await expectNoSidewaysScroll(page);
        await screenshot(page, testInfo, `decisions-${size.width}.png`);

        // The overview counts them, and the desk's nav item leads back here.
        await page.goto("/secretariat");
        await expect(page.getByText(/^\d+ norms have reached their closing date and await your decision\.$/)).toBeVisible();
        await page.getByRole("navigation", { name: "Secretariat" }).getByRole("link", { name: "Awaiting a decision" }).click();
        await expect(page).toHaveURL("/secretariat/decisions");

        await rows.filter({ hasText: ENDORSEMENT_NORMS[0] }).getByRole("link").click();
        await expect(page.getByRole("heading", { level: 1, name: ENDORSEMENT_NORMS[0] })).toBeVisible();
      } finally {
        await setClock(request, null);
      }
      await open(page, "/secretariat/decisions");
      await expect(rows.filter({ hasText: PAST_CONSULTATION })).toHaveCount(1);
      for (const title of ENDORSEMENT_NORMS) await expect(rows.filter({ hasText: title })).toHaveCount(0);
    });
  });
}

test("without script, the admin's form shows each problem at its field", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await signIn(page, demo.admin);
  await page.goto("/admin/process");
  const form = page.getByRole("region", { name: "Consultation", exact: true });
  await form.getByLabel("Minimum length, in days").fill("");
  await form.getByLabel("Reason for the change").fill("Too short");
  await form.getByRole("button", { name: "Change consultation" }).click();
  await expect(page.locator("#consultation-minimumDays-error")).toContainText("Enter the minimum length as a number of days.");
  await expect(page.locator("#consultation-reason-error")).toContainText("at least 10 characters");
  await expect(page.getByRole("region", { name: "Consultation", exact: true }).getByLabel("Reason for the change")).toHaveValue("Too short");
  await context.close();
});
