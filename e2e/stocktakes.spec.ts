import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Download, Page } from "@playwright/test";
import { pdfPageTexts } from "../server/stocktake-pdf/pdf-text";
import { expect, open, signIn, test, unique } from "./support/fixtures";

const NORM = "Protecting the work of emergency response teams";
const ORGANISATION = "Ministry of Foreign Affairs of Kenya";
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

async function newPage(browser: Browser, email?: string) {
  const page = await (await browser.newContext()).newPage();
  if (email) await signIn(page, email);
  return page;
}

async function downloaded(page: Page, link: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return { download, bytes: await readFile((await download.path())!) };
}

test("a stock-take from opening to a published, verifiable report", async ({ browser }) => {
  // Four people take turns through a whole cycle, and publishing renders a PDF: a long scenario.
  test.slow();
  const observationTitle = `Response team's network disrupted ${unique("o")}`;
  const reply = "The ministry restored the team's network within a day and has opened an inquiry.";
  // The summary cites figures by placeholder; the report shows them resolved from its own figures.
  const summary = "{{organizations:filed}} organisations filed {{statements:count}} statements; one observation about a response team was accepted and answered.";
  const resolved = /^\d+ organisations filed \d+ statements; one observation about a response team was accepted and answered\.$/;

  // The secretariat opens the next free year, covering by default every norm in endorsement or concluded.
  const secretariat = await newPage(browser, "secretariat@demo.normsforum.example");
  await open(secretariat, "/secretariat/stocktakes");
  const year = Number(await secretariat.getByLabel("Year", { exact: true }).inputValue());
  expect(year).toBeGreaterThan(2026);
  await secretariat.getByLabel("Opens on").fill(isoDay(-1));
  await secretariat.getByLabel("Closes on").fill(isoDay(-2));
  await secretariat.getByRole("button", { name: "Open the stock-take" }).click();
  await expect(secretariat.getByText("The window must close on or after the day it opens.").first()).toBeVisible();
  await secretariat.getByLabel("Closes on").fill(isoDay(30));
  await secretariat.getByRole("button", { name: "Open the stock-take" }).click();
  await expect(secretariat.getByText(`The ${year} stock-take is open.`, { exact: false }).first()).toBeVisible();

  // A member who represents no organisation is told who files statements, and gets no form.
  const member = await newPage(browser, "member@demo.normsforum.example");
  await open(member, `/stocktakes/${year}/statements`);
  await expect(member.getByRole("heading", { name: "Only representatives file statements" })).toBeVisible();
  await expect(member.getByRole("button", { name: "Save statement" })).toHaveCount(0);
  // Nor may a member reach the secretariat's pages.
  expect([403, 404]).toContain((await member.goto(`/secretariat/stocktakes/${year}`))?.status());

  // A representative files a statement for the ministry.
  const rep = await newPage(browser, "rep@demo.normsforum.example");
  await open(rep, `/stocktakes/${year}/statements`);
  await rep.getByLabel("Organisation", { exact: true }).selectOption({ label: ORGANISATION });
  const statement = rep.getByTestId("statement-item").filter({ has: rep.getByRole("heading", { name: NORM }) });
  await statement.getByRole("radio", { name: "Partially implemented" }).check();
  await statement.getByLabel("What your organisation did").fill("A national response team was set up in 2024; its legal mandate is before parliament.");
  await statement.getByLabel("Links (one per line)").fill("https://example.org/national-cert");
  await statement.getByRole("button", { name: "Save statement" }).click();
  await expect(rep.getByText("Statement saved.").first()).toBeVisible();

  // A member logs an observation naming the ministry; the norm's verdict is required.
  await open(member, `/stocktakes/${year}/observations/new`);
  await member.getByLabel("Title").fill(observationTitle);
  await member.getByLabel("What happened").fill("The national response team's network was unreachable for a day after a denial-of-service attack.");
  await member.getByLabel("When did it happen").fill(isoDay(-3));
  await member.getByLabel("Actor 1").selectOption({ label: ORGANISATION });
  await member.getByRole("radio", { name: "Not attributed" }).check();
  await member.getByRole("radio", { name: /^Medium/ }).check();
  await member.getByLabel("Evidence type").selectOption({ label: "Media report" });
  await member.getByLabel("Source 1: web address").fill("https://example.org/news/cert-outage");
  await member.getByRole("button", { name: "Send for review" }).click();
  await expect(member.getByText("Choose at least one", { exact: false }).first()).toBeVisible();
  await member.getByLabel(NORM, { exact: true }).selectOption({ label: "Inconsistent" });
  await member.getByRole("button", { name: "Send for review" }).click();
  await expect(member.getByText("Observation sent for review.").first()).toBeVisible();
  await expect(member.getByText(observationTitle).first()).toBeVisible();

  // The named organisation, told at once, replies while it awaits review.
  await open(rep, `/stocktakes/${year}`);
  const replyForm = rep.getByRole("form", { name: `Reply on behalf of ${ORGANISATION}` });
  await replyForm.getByLabel("Your organisation's reply").fill(reply);
  await replyForm.getByRole("button", { name: "Publish reply" }).click();
  await expect(rep.getByText(`Reply published for ${ORGANISATION}.`).first()).toBeVisible();

  // Two members of the secretariat accept it.
  await open(secretariat, `/secretariat/stocktakes/${year}`);
  await secretariat.getByRole("button", { name: `Accept the observation “${observationTitle}”` }).click();
  await expect(secretariat.getByText(`Your review of “${observationTitle}” is recorded`, { exact: false }).first()).toBeVisible();
  const admin = await newPage(browser, "admin@demo.normsforum.example");
  await open(admin, `/secretariat/stocktakes/${year}`);
  await admin.getByRole("button", { name: `Accept the observation “${observationTitle}”` }).click();
  await expect(admin.getByText(`Accepted “${observationTitle}”.`).first()).toBeVisible();
  await open(member, `/stocktakes/${year}`);
  await expect(member.getByText(reply).first()).toBeVisible();

  // Publishing is refused while the window is open.
  await open(secretariat, `/secretariat/stocktakes/${year}`);
  await expect(secretariat.getByText("Close the submission window before publishing.")).toBeVisible();
  await expect(secretariat.getByRole("button", { name: "Publish the report" })).toHaveCount(0);

  // The secretariat closes the window early; statements can no longer change.
  await secretariat.getByRole("button", { name: "Close the submission window now" }).click();
  await secretariat.getByRole("dialog").getByRole("button", { name: "Yes, close it now" }).click();
  await expect(secretariat.getByText(`The ${year} submission window is closed.`).first()).toBeVisible();
  await open(rep, `/stocktakes/${year}/statements`);
  await expect(rep.getByRole("heading", { name: "The window is closed" })).toBeVisible();
  await expect(rep.getByRole("button", { name: "Save statement" })).toHaveCount(0);

  // The secretariat writes the summary, previews and publishes.
  await open(secretariat, `/secretariat/stocktakes/${year}`);
  // A placeholder naming no figure is refused on the field.
  await secretariat.getByLabel("Executive summary").fill("{{statments:count}} organisations filed.");
  await secretariat.getByRole("button", { name: "Save the draft" }).click();
  await expect(secretariat.getByText(/\{\{statments:count\}\} is not a figure the report has/).first()).toBeVisible();
  await secretariat.getByLabel("Executive summary").fill(summary);
  await secretariat.getByRole("button", { name: "Save the draft" }).click();
  await expect(secretariat.getByText("Draft saved.").first()).toBeVisible();
  await secretariat.getByRole("link", { name: "Preview the report" }).click();
  await expect(secretariat.getByText(resolved).first()).toBeVisible();
  await open(secretariat, `/secretariat/stocktakes/${year}`);
  await secretariat.getByRole("button", { name: "Publish the report" }).click();
  await expect(secretariat.getByText("Published: revision 1.").first()).toBeVisible({ timeout: 60_000 });

  // A visitor reads the report, downloads the PDF and the JSON; the JSON hashes to the hash shown.
  const visitor = await newPage(browser);
  await open(visitor, `/stocktakes/${year}`);
  await expect(visitor.getByRole("heading", { level: 1, name: `Stock-take report ${year}` })).toBeVisible();
  await expect(visitor.getByText(resolved).first()).toBeVisible();
  await expect(visitor.getByText(observationTitle).first()).toBeVisible();
  await expect(visitor.getByText(reply).first()).toBeVisible();
  const shown = (await visitor.getByTestId("report-sha256").innerText()).replace(/\s+/g, "");
  expect(shown).toMatch(/^[0-9a-f]{64}$/);

  const pdf = await downloaded(visitor, "Download the PDF");
  expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.bytes.subarray(-1024).toString("latin1")).toContain("%%EOF");

  // The report in the six languages, rendered by the job after publishing: each listed with its own
  // SHA-256, which its download matches; the French one has its headings in French.
  await expect(async () => {
    await visitor.reload();
    await expect(visitor.getByTestId("report-pdf-languages").getByRole("listitem")).toHaveCount(6, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  for (const language of ["ar", "zh", "en", "fr", "ru", "es"]) {
    const entry = visitor.getByTestId("report-pdf-languages").locator(`li[data-language="${language}"]`);
    const listed = (await entry.locator("span").innerText()).match(/[0-9a-f]{64}/)![0];
    const href = (await entry.getByRole("link").getAttribute("href"))!;
    const file = await visitor.request.get(href);
    expect(file.status()).toBe(200);
    const bytes = await file.body();
    expect(createHash("sha256").update(bytes).digest("hex"), language).toBe(listed);
    expect(file.headers()["stocktake-snapshot-sha256"]).toBe(shown);
    if (language === "fr") expect(pdfPageTexts(bytes).join(" ").replace(/\s+/g, " ")).toContain(`Bilan annuel ${year}`);
  }

  const json = await downloaded(visitor, "Download the JSON snapshot");
  expect(createHash("sha256").update(json.bytes).digest("hex")).toBe(shown);
  const snapshot = JSON.parse(json.bytes.toString("utf8")) as {
    year: number;
    revision: number;
    narrative: { summary: string };
    narrativeSource: { summary: string };
    totals: { organizationsFiled: number; statements: number };
  };
  expect(snapshot).toMatchObject({ year, revision: 1, narrativeSource: { summary } });
  expect(snapshot.narrative.summary).toBe(
    `${snapshot.totals.organizationsFiled} organisations filed ${snapshot.totals.statements} statements; one observation about a response team was accepted and answered.`,
  );
});
