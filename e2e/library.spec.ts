// The growing library, uptake and the glossary (issue 19).
import { demo, expect, open, signIn, test, unique } from "./support/fixtures";

test("an admin adds a reference document and a norm placed in a category, and the matrix grows; a member is refused", async ({ browser }) => {
  const key = unique("oewg").toLowerCase();
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demo.admin);
  await open(admin, "/reference");
  const columnsBefore = await admin.locator("table thead th").count();

  await open(admin, "/admin/library");
  const documentForm = admin.getByTestId("add-document");
  // A link that is not http(s) is refused with a message at the field.
  await documentForm.getByLabel("Short key").fill(key);
  await documentForm.getByLabel("Title").fill("Final substantive report of the Open-ended Working Group");
  await documentForm.getByLabel("Issued by").fill("Open-ended Working Group (2019–2021)");
  await documentForm.getByLabel("Date").fill("2021-03-12");
  await documentForm.getByLabel("Document symbol or citation").fill("A/75/816");
  await documentForm.getByLabel("Source link").fill("javascript:alert(1)");
  await documentForm.getByRole("button", { name: "Add the document" }).click();
  await expect(admin.getByText("Enter a full web address starting with http:// or https://.").first()).toBeVisible();
  await admin.getByTestId("add-document").getByLabel("Source link").fill("https://undocs.org/A/75/816");
  await admin.getByTestId("add-document").getByRole("button", { name: "Add the document" }).click();
  await expect(admin.getByTestId("document-saved")).toContainText(key);

  await open(admin, "/admin/library");
  const normForm = admin.getByTestId("add-norm");
  await normForm.getByLabel("Document", { exact: true }).selectOption(key);
  await normForm.getByLabel("Paragraph or number").fill("34(a)");
  await normForm.getByLabel("Short name").fill("OEWG 2021 34(a)");
  await normForm.getByLabel("Text", { exact: true }).fill("States should take appropriate measures to protect their critical infrastructure.");
  await normForm.getByLabel(/^III\./).check();
  await normForm.getByRole("button", { name: "Add the norm" }).click();
  await expect(admin.getByTestId("norm-saved")).toContainText(`${key}-34-a`);

  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, "/reference");
  await expect(visitor.locator("table thead th")).toHaveCount(columnsBefore + 1);
  await expect(visitor.getByRole("link", { name: "OEWG 2021 34(a)" }).first()).toBeVisible();
  await expect(visitor.getByTestId(`added-${key}`)).toContainText("Added by the secretariat on");
  await visitor.getByRole("link", { name: "OEWG 2021 34(a)" }).first().click();
  await expect(visitor.getByTestId("document-origin")).toContainText("A/75/816");

  const member = await (await browser.newContext()).newPage();
  await signIn(member, demo.member);
  expect((await member.goto("/admin/library"))?.status()).toBe(403);
});

test("the secretariat records uptake on a norm, and it shows on the norm page's timeline", async ({ browser }) => {
  const document = `UN General Assembly resolution ${unique("A/RES")}`;
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, demo.secretariat);
  await open(staff, "/norms/protecting-the-public-core-of-the-internet");
  const form = staff.getByTestId("record-uptake");
  await form.getByLabel("Document", { exact: true }).fill(document);
  await form.getByLabel("Paragraph").fill("4");
  await form.getByLabel("Date of the document").fill("2026-03-01");
  await form.getByLabel("Link").fill("ftp://example.org/resolution");
  await form.getByLabel("Parties").fill("KE, group:au");
  await form.getByRole("button", { name: "Record uptake" }).click();
  await expect(staff.getByText("Enter a full web address starting with http:// or https://.").first()).toBeVisible();
  await staff.getByTestId("record-uptake").getByLabel("Link").fill("https://undocs.org/en/A/RES/80/1");
  await staff.getByTestId("record-uptake").getByRole("button", { name: "Record uptake" }).click();
  await expect(staff.getByText("The uptake was recorded.")).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, "/norms/protecting-the-public-core-of-the-internet");
  await expect(visitor.getByRole("navigation").getByRole("link", { name: "Uptake" }).first()).toBeAttached();
  const timeline = visitor.getByTestId("uptake-timeline");
  await expect(timeline).toContainText(document);
  await expect(timeline).toContainText("paragraph 4");
  await expect(timeline).toContainText("Kenya");
  await expect(timeline).toContainText("African Union member states");
  await expect(visitor.getByTestId("record-uptake")).toHaveCount(0);
});

test("the glossary links the first use of a term in a clause, and the link lands on the definition", async ({ page }) => {
  await open(page, "/norms/protecting-the-work-of-emergency-response-teams");
  const clause = page.locator("#clause-1");
  const links = clause.locator('a[href^="/glossary#"]');
  // "computer emergency response teams" links; the later "CERTs/CSIRTs" are the same term, not linked again.
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveText("computer emergency response teams");
  await links.first().click();
  await expect(page).toHaveURL(/\/glossary#cert-csirt$/);
  const term = page.locator("#cert-csirt");
  await expect(term).toBeVisible();
  await expect(term).toHaveText("CERT / CSIRT");
  await expect(page.getByText("RFC 4949, Internet Security Glossary").first()).toBeVisible();

  // A reference norm's text links too.
  await open(page, "/reference/norms/ungge-g");
  await expect(page.locator('blockquote a[href="/glossary#critical-infrastructure"]')).toHaveText("critical infrastructure");
});
