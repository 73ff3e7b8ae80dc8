import { expect, open, test } from "./support/fixtures";

// Profiles across years (issue 19). Demo data: Kenya takes part through its foreign ministry, which
// has positions on several norms; Tuvalu does not take part.
const KENYA_MINISTRY = "Ministry of Foreign Affairs of Kenya";

test("the list of states leads to a participating state's profile and its record", async ({ page }) => {
  await open(page, "/states");
  await expect(page.getByRole("heading", { level: 1, name: "States" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^195 states of 195$/ })).toBeVisible();
  // Found by name, without script: the form is a plain GET.
  await page.getByLabel("Name or ISO code").fill("keny");
  await page.getByRole("button", { name: "Show states" }).click();
  await expect(page).toHaveURL(/\/states\?q=keny/);
  const kenya = page.getByTestId("state-KE");
  await expect(kenya).toContainText(KENYA_MINISTRY);
  await expect(kenya).toContainText("Takes part");
  await kenya.getByRole("link", { name: "Kenya" }).click();

  await expect(page).toHaveURL(/\/states\/ke$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kenya" })).toBeVisible();
  await expect(page.getByTestId("state-organizations").getByRole("link", { name: KENYA_MINISTRY })).toBeVisible();
  const positions = page.getByTestId("record-positions");
  await expect(positions.getByText(/\d+ positions? in all\./)).toBeVisible();
  await expect(positions.getByText(/Given on version \d+/).first()).toBeVisible();
  await expect(page.getByTestId("record-statements")).toBeVisible();
  await expect(page.getByTestId("record-observations")).toBeVisible();
  // The upper-case code leads to the one address; a code that is no UN state is not found.
  await page.goto("/states/KE");
  await expect(page).toHaveURL(/\/states\/ke$/);
  const missing = await page.goto("/states/xk");
  expect(missing?.status()).toBe(404);
});

test("an observation naming a state by its code is on that state's profile, with the named ministry's reply", async ({ page }) => {
  // Demo data: accepted, naming Kenya's ministry and Tanzania (which takes no part) by ISO code.
  const title = "Joint response to an attack on a regional payment network";
  await open(page, "/states/tz");
  const observation = page.getByTestId("record-observation").filter({ hasText: title });
  await expect(observation).toContainText("Acknowledged by the actor");
  await expect(observation.getByTestId("record-reply")).toContainText("The ministry confirms the account.");
  await open(page, "/states/ke");
  await expect(page.getByTestId("record-observation").filter({ hasText: title })).toBeVisible();
  // One awaiting its second review is on no profile.
  await expect(page.getByText("Intrusion into a water utility's control systems")).toHaveCount(0);
});

test("a state that does not take part has a profile too", async ({ page }) => {
  await open(page, "/states/tv");
  await expect(page.getByRole("heading", { level: 1, name: "Tuvalu" })).toBeVisible();
  await expect(page.getByText("Tuvalu has no organisation in the forum.")).toBeVisible();
  await expect(page.getByTestId("record-positions").getByText("No position on any norm.")).toBeVisible();
  await expect(page.getByText("No accepted observation names Tuvalu.")).toBeVisible();
});

test("two actors compared side by side, and more than three refused plainly", async ({ page }) => {
  await open(page, "/states/ke");
  await page.getByTestId("compare-with").click();
  await expect(page).toHaveURL(/\/compare\/actors\?ids=state:KE$/);
  await expect(page.getByText("Choose at least two actors to compare.")).toBeVisible();
  await expect(page.getByTestId("actor-slot-1").getByLabel("State")).toHaveValue("KE");
  await page.getByTestId("actor-slot-2").getByLabel("State").selectOption("DE");
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page).toHaveURL(/\/compare\/actors\?ids=state:KE,state:DE$/);
  await expect(page.getByTestId("compared-actors")).toContainText("Kenya");
  await expect(page.getByTestId("compared-actors")).toContainText("Germany");
  await expect(page.getByTestId("compare-positions").getByRole("row").nth(1)).toBeVisible();

  const response = await page.goto("/compare/actors?ids=state:KE,state:DE,state:JP,state:BR");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("compare-error")).toContainText("Compare at most 3 actors at a time.");
});

test("a state's profile as open data", async ({ request }) => {
  const list = await request.get("/api/v1/states");
  expect(list.status()).toBe(200);
  const states = (await list.json()) as { total: number; items: { iso: string; takesPart: boolean }[] };
  expect(states.total).toBe(195);
  expect(states.items.find((s) => s.iso === "KE")?.takesPart).toBe(true);
  const kenya = await request.get("/api/v1/states/ke");
  expect(kenya.status()).toBe(200);
  const profile = (await kenya.json()) as { iso: string; organizations: { name: string }[]; positions: { total: number } };
  expect(profile.iso).toBe("KE");
  expect(profile.organizations.map((o) => o.name)).toContain(KENYA_MINISTRY);
  expect(profile.positions.total).toBeGreaterThan(0);
  expect((await request.get("/api/v1/states/xk")).status()).toBe(404);
});

test("a statement on a reference norm links to that norm's page", async ({ page }) => {
  // Germany's ministry filed on UN GGE 13(f) in last year's demo report.
  await open(page, "/states/de");
  await page.getByTestId("record-statements").getByRole("link", { name: "UN GGE 13(f)" }).click();
  await expect(page).toHaveURL(/\/reference\/norms\/ungge-f$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
