// A neutral secretariat (issue 17): staff accounts join and represent nobody, and /about/governance
// says who runs the forum, with every revision an administrator publishes kept public.
import type { Page, TestInfo } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { demo, expect, open, signIn, test, unique } from "./support/fixtures";

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

test("a staff account cannot join or register an organisation, in the page or through the API", async ({ page }) => {
  await signIn(page, demo.secretariat);
  await open(page, "/organizations/digital-rights-collective");
  await expect(page.getByTestId("staff-no-membership")).toContainText("Secretariat and administrator accounts belong to no organisation");
  await expect(page.getByRole("button", { name: "Ask to join" })).toHaveCount(0);

  await open(page, "/organizations");
  await expect(page.getByRole("link", { name: "Register an organisation" })).toHaveCount(0);
  await open(page, "/organizations/new");
  await expect(page.getByTestId("staff-no-organisation")).toContainText("Secretariat and administrator accounts take no part as participants");
  await expect(page.getByRole("button", { name: "Register organisation" })).toHaveCount(0);

  // The procedure refuses it too, with the reason, whatever the page shows.
  const organization = (await (await page.request.get(`/api/trpc/organizations.get?input=${encodeURIComponent(JSON.stringify({ json: { slug: "digital-rights-collective" } }))}`)).json()) as {
    result: { data: { json: { id: string } } };
  };
  const response = await page.request.post("/api/trpc/organizations.requestJoin", {
    headers: { origin: baseURL, "content-type": "application/json" },
    data: { json: { organizationId: organization.result.data.json.id } },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("take no part as participants");

  // A member still sees the way to join.
  await signIn(page, demo.member);
  await open(page, "/organizations/digital-rights-collective");
  await expect(page.getByRole("button", { name: "Ask to join" })).toBeVisible();
});

for (const size of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const) {
  test(`anyone reads who runs the forum and its rules of neutrality, at ${size.width} px`, async ({ browser }, testInfo) => {
    const page = await browser.newPage({ baseURL, viewport: size });
    await open(page, "/about/governance");
    await expect(page.getByRole("heading", { level: 1, name: "Governance and neutrality" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Rules of neutrality" })).toBeVisible();
    await expect(page.getByTestId("neutrality-rules")).toContainText("are not members or representatives of any organisation");
    const staff = page.getByTestId("staff-accounts");
    await expect(staff.getByRole("row", { name: /Ada Admin/ })).toContainText("Administrator");
    await expect(staff.getByRole("row", { name: /Sam Secretariat/ })).toContainText("Secretariat");
    await expect(page.getByTestId("governance-history").getByRole("link", { name: "Revision 1" })).toBeVisible();
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Governance" })).toHaveAttribute("href", "/about/governance");
    await expectNoSidewaysScroll(page);
    await screenshot(page, testInfo, `about-governance-${size.width}.png`);
    await page.close();
  });
}

test("an admin publishes a revision; the page shows it and keeps the earlier one; others may not publish", async ({ page, browser }, testInfo) => {
  // Not the secretariat, and not a visitor.
  expect((await page.goto("/admin/governance"))?.status()).toBe(401);
  await signIn(page, demo.secretariat);
  expect((await page.goto("/admin/governance"))?.status()).toBe(403);

  await signIn(page, demo.admin);
  await open(page, "/admin/governance");
  await expect(page.getByRole("heading", { level: 1, name: "Publish the governance page" })).toBeVisible();
  const before = (await page.getByTestId("governance-admin-current").textContent())!.match(/revision (\d+)/)![1]!;
  const next = Number(before) + 1;

  // Nothing changed and no summary: each problem is named at its field; nothing is published.
  await page.getByRole("button", { name: "Publish the revision" }).click();
  await expect(page.locator("#governance-summary-error")).toContainText("Say in a sentence what changed");

  const funding = `Contributors for this year are listed in the annual report (${unique("e2e")}).`;
  await page.getByLabel("Funding and partners").fill(funding);
  await page.getByLabel("What changed").fill("Says where this year's contributors are listed.");
  await page.getByRole("button", { name: "Publish the revision" }).click();
  await expect(page.getByTestId("governance-saved")).toHaveText(`Revision ${next} is published.`);
  await screenshot(page, testInfo, "admin-governance-saved.png");

  const visitor = await browser.newPage({ baseURL });
  await open(visitor, "/about/governance");
  await expect(visitor.getByText(funding)).toBeVisible();
  await expect(visitor.getByTestId("governance-current")).toContainText(`Revision ${next}, published on`);
  const history = visitor.getByTestId("governance-history");
  await expect(history.getByRole("row", { name: new RegExp(`Revision ${next}`) })).toContainText("Says where this year's contributors are listed.");
  await history.getByRole("link", { name: `Revision ${before}`, exact: true }).click();
  await expect(visitor.getByTestId("revision-status")).toContainText(`This is an earlier revision. The page now shows revision ${next}.`);
  await expect(visitor.getByText(funding)).toHaveCount(0);
  await visitor.close();
});
