// Sealed endorsement (issue 17) in the browser: the secretariat opens a norm's endorsement stage
// sealed; a representative's position recorded during it is seen by their organisation alone, the
// public page (cached for visitors) shows nothing of it; at the close, driven by the forum's clock
// and the tick, every sealed position appears at once, with when it was recorded and published.
import type { Page, TestInfo } from "@playwright/test";
import { DAY, dayFromToday, isoDay, longDate, setClock, tick } from "./support/clock";
import { expect, open, signIn, test, unique } from "./support/fixtures";
import { normInConsultation } from "./support/norms";

const OBJECTION = "Clause 2 asks every state to help repair ships at once; we cannot commit to that without a notice period.";

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

test("a sealed endorsement stage shows nothing of a position until it closes, then everything at once", async ({ browser, request }, testInfo) => {
  test.slow();
  const title = `Protecting undersea cables, sealed ${unique("s")}`;
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);

  // Before the stage, the Digital Rights Collective endorses in public.
  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, "rep@demo.normsforum.example");
  await open(rep, normUrl);
  await rep.getByRole("radio", { name: "Digital Rights Collective" }).check();
  await rep.getByRole("radio", { name: "Endorse", exact: true }).check();
  await rep.getByRole("button", { name: "Record position" }).click();
  await expect(rep.getByText("Digital Rights Collective’s position is recorded.").first()).toBeVisible();

  // The secretariat opens endorsement sealed, with its closing date.
  const lastDay = dayFromToday(30);
  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, "secretariat@demo.normsforum.example");
  await open(secretariat, normUrl);
  await secretariat.getByRole("button", { name: "Move to endorsement" }).click();
  const move = secretariat.getByRole("dialog");
  await move.getByLabel("Outcome statement").fill("Positions are now the point; states asked to decide without committing first in public.");
  await move.getByLabel("Make this move as an override").check();
  await move.getByLabel("Why the move is made although its criteria are not met").fill("Every commenter asked for positions before the consultation's date.");
  await move.getByLabel("Last day of the stage (optional)").fill(isoDay(lastDay));
  await move.getByLabel("Open the endorsement stage sealed").check();
  await move.getByRole("button", { name: "Move to endorsement" }).click();
  await expect(secretariat.getByRole("dialog")).toHaveCount(0);
  await expect(secretariat.getByRole("heading", { name: "This endorsement stage is sealed" })).toBeVisible();
  await expect(secretariat.getByText("The stage was opened sealed", { exact: false })).toBeVisible();

  // The public page before the sealed write, to compare with after it.
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, normUrl);
  await expect(visitor.getByRole("heading", { name: "This endorsement stage is sealed" })).toBeVisible();
  await expect(visitor.getByText(`until the stage closes at the end of ${longDate(lastDay)} (UTC)`, { exact: false })).toBeVisible();
  const positionsBefore = await visitor.locator("#positions").innerText();

  // The representative objects, sealed: their organisation sees it, marked as sealed until the date.
  await open(rep, normUrl);
  await expect(rep.getByTestId("sealed-notice")).toContainText(`Sealed until the end of ${longDate(lastDay)} (UTC)`);
  await expect(rep.getByText("Digital Rights Collective has no sealed position on this norm.")).toBeVisible();
  await rep.getByRole("radio", { name: "Digital Rights Collective" }).check();
  await rep.getByRole("radio", { name: "Object" }).check();
  await rep.getByLabel("Statement").fill(OBJECTION);
  await rep.getByRole("button", { name: "Record position" }).click();
  await expect(rep.getByText("Digital Rights Collective’s position is recorded.").first()).toBeVisible();
  await rep.reload();
  await expect(rep.getByTestId("sealed-entry")).toContainText("Digital Rights Collective’s sealed position: Object.");
  await expect(rep.getByTestId("sealed-entry")).toContainText(OBJECTION);
  // The organisation's public position is still the one from before the stage.
  await expect(rep.locator("#positions").getByText(OBJECTION)).toHaveCount(0);

  // The public sees exactly what it saw before; so does another organisation's representative.
  await visitor.reload();
  expect(await visitor.locator("#positions").innerText()).toBe(positionsBefore);
  await expect(visitor.getByText(OBJECTION)).toHaveCount(0);
  await open(visitor, `${normUrl}/positions/history`);
  await expect(visitor.getByText("1 entry")).toBeVisible();
  const openData = await request.get(`/api/v1${normUrl}/positions`);
  expect(openData.status()).toBe(200);
  expect(await openData.text()).not.toContain(OBJECTION);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "rep2@demo.normsforum.example");
  await open(other, normUrl);
  await expect(other.getByText(OBJECTION)).toHaveCount(0);
  await expect(other.getByTestId("sealed-entry")).toHaveCount(0);
  await open(secretariat, normUrl);
  await expect(secretariat.getByText(OBJECTION)).toHaveCount(0);

  // The norm page in the sealed stage, as the recording organisation and as the public.
  await open(visitor, normUrl);
  for (const width of [390, 1280]) {
    for (const [who, page] of [
      ["representative", rep],
      ["public", visitor],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await expectNoSidewaysScroll(page);
      await screenshot(page, testInfo, `sealed-${who}-${width}.png`);
    }
  }

  // The day after its last day, the tick closes the stage: everything appears at once.
  await setClock(request, new Date(lastDay.getTime() + DAY + 60_000));
  expect((await tick(request)).stagesClosed).toBeGreaterThanOrEqual(1);
  await visitor.setViewportSize({ width: 1280, height: 900 });
  await open(visitor, normUrl);
  await expect(visitor.locator("#positions").getByText(OBJECTION).first()).toBeVisible();
  await expect(visitor.getByText("The positions recorded during the sealed stage were published.")).toBeVisible();
  await open(visitor, `${normUrl}/positions/history`);
  await expect(visitor.getByText("2 entries")).toBeVisible();
  await expect(visitor.getByTestId("revealed-at")).toContainText("Recorded during a sealed stage; published");
  await screenshot(visitor, testInfo, "sealed-revealed-history-1280.png");
  await open(rep, normUrl);
  await expect(rep.getByTestId("sealed-notice")).toHaveCount(0);
});
