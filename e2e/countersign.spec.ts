// Countersigned positions and clearance drafts (issue 17). Poland's foreign ministry requires
// countersignature (db/demo-countersign.ts): a position its first representative records waits,
// unseen by the public, until its second representative countersigns it; then it is published,
// with both names on the organisation's page. Whoever entered it cannot countersign it.
import type { Page, TestInfo } from "@playwright/test";
import { expect, open, signIn, test } from "./support/fixtures";

const TOMASZ = "delegate.pl@demo.normsforum.example";
const ZOFIA = "delegate2.pl@demo.normsforum.example";
const POLAND = "/organizations/ministry-of-foreign-affairs-of-poland";
const NORM = "/norms/integrity-of-ict-supply-chains-and-software-updates";
const NORM_TITLE = "Integrity of ICT supply chains and software updates";
const STATEMENT = "Poland endorses the norm; clause 3's certification schemes should stay voluntary for small suppliers.";

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    const path = testInfo.outputPath(`${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${width}`, { path, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a countersigned position appears only after the second representative signs", async ({ browser }, testInfo) => {
  const tomasz = await (await browser.newContext()).newPage();
  const zofia = await (await browser.newContext()).newPage();
  const visitor = await (await browser.newContext()).newPage();
  await signIn(tomasz, TOMASZ);
  await signIn(zofia, ZOFIA);

  // Tomasz records the ministry's position: the form says it needs countersignature.
  await open(tomasz, NORM);
  const panel = tomasz.locator("#record-position");
  await expect(panel.getByTestId("countersignature-note")).toContainText("Ministry of Foreign Affairs of Poland requires countersignature");
  await panel.getByLabel("Endorse", { exact: true }).check();
  await panel.getByLabel("Statement").fill(STATEMENT);
  await panel.getByRole("button", { name: "Record position" }).click();
  await expect(tomasz.getByText("Sent for countersignature").first()).toBeVisible();

  // The public sees nothing of it: not on the norm, nor on the ministry's page.
  await visitor.goto(`${NORM}/positions`);
  await expect(visitor.getByText("Ministry of Foreign Affairs of Poland")).toHaveCount(0);
  await visitor.goto(POLAND);
  await expect(visitor.getByText(STATEMENT)).toHaveCount(0);
  // Nor may the visitor open the clearance page.
  const refused = await visitor.goto(`${POLAND}/clearance`);
  expect(refused?.status()).toBe(401);

  // Tomasz is not offered to countersign his own entry.
  await open(tomasz, `${POLAND}/clearance`);
  const his = tomasz.getByTestId("pending-entry").filter({ hasText: NORM_TITLE });
  await expect(his).toContainText("You entered this: another representative must countersign it.");
  await expect(his.getByRole("button", { name: "Countersign and publish" })).toHaveCount(0);

  // Zofia countersigns it on the ministry's clearance page.
  await open(zofia, `${POLAND}/clearance`);
  await screenshots(zofia, testInfo, "clearance");
  const entry = zofia.getByTestId("pending-entry").filter({ hasText: NORM_TITLE });
  await expect(entry).toContainText("Entered by Tomasz Nowak");
  await entry.getByRole("button", { name: "Countersign and publish" }).click();
  await expect(zofia.getByTestId("clearance-done")).toHaveText("Countersigned and published.");
  await expect(zofia.getByTestId("pending-entry").filter({ hasText: NORM_TITLE })).toHaveCount(0);

  // Now it is public, counted, and the ministry's page names both representatives.
  await visitor.goto(`${NORM}/positions`);
  await expect(visitor.getByText("Ministry of Foreign Affairs of Poland").first()).toBeVisible();
  await visitor.goto(POLAND);
  await expect(visitor.getByText(STATEMENT).first()).toBeVisible();
  await expect(visitor.getByText(/by Tomasz Nowak, countersigned by Zofia Kowalska/).first()).toBeVisible();
});

test("a representative saves a draft, downloads it as a PDF and the organisation sets countersignature on its manage page", async ({ page }, testInfo) => {
  await signIn(page, ZOFIA);
  await open(page, `${POLAND}/manage`);
  const setting = page.getByTestId("countersignature-setting");
  await expect(setting.getByLabel("Require countersignature by a second representative")).toBeChecked();
  await page.locator("#countersignature").scrollIntoViewIfNeeded();
  await screenshots(page, testInfo, "manage-countersignature");

  // Her demo draft: its page, its PDF.
  await open(page, `${POLAND}/clearance`);
  const draft = page.getByTestId("draft-entry").filter({ hasText: "Protecting electoral infrastructure" });
  await draft.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByTestId("draft-form")).toBeVisible();
  await screenshots(page, testInfo, "clearance-draft");
  const pdf = await page.request.get(`${page.url().replace(/\?.*$/, "")}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // Edited and saved, it stays a draft.
  await page.getByLabel("Statement").fill("Cleared by the legal department: Poland endorses the norm as it stands.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.").first()).toBeVisible();
});
