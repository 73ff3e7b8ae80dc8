import { expect, open, signIn, test, unique } from "./support/fixtures";

test("a representative endorses with reservations, the figures update, a revision leaves it on version 1, reaffirming brings it forward", async ({ browser }) => {
  // Three people take turns through a norm's life: give it the time of a long scenario.
  test.slow();
  const title = `Protecting hospital networks ${unique("p")}`;
  const reservation = "We support the aim, but clause 1 should name the health authorities that decide what counts as a hospital.";

  // The author (Open Networks' representative) proposes and submits a norm.
  const author = await (await browser.newContext()).newPage();
  await signIn(author, "rep2@demo.normsforum.example");
  await open(author, "/norms/new");
  await author.getByLabel("Title", { exact: true }).fill(title);
  await author.getByLabel("Summary", { exact: true }).fill("States should not conduct or support cyber operations that impair hospital networks.");
  await author.getByLabel("Clause 1", { exact: true }).fill("States should not knowingly impair the networks of hospitals.");
  await author.getByRole("checkbox", { name: /^II\./ }).check();
  await author.getByRole("radio", { name: /Mutual restraint/ }).check();
  await author.getByRole("radio", { name: /Political/ }).check();
  await author.getByRole("button", { name: "Save as a private draft" }).click();
  await expect(author.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const normUrl = new URL(author.url()).pathname;
  await author.locator("body[data-hydrated]").waitFor();
  await author.getByRole("button", { name: "Submit to consultation" }).click();
  await author.getByRole("dialog").getByRole("button", { name: "Submit to consultation" }).click();
  await expect(author.getByText("Submitted to consultation.").first()).toBeVisible();

  // A member who represents no organisation is told who records positions, and gets no form.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, "member@demo.normsforum.example");
  await open(member, normUrl);
  await expect(member.getByText("Positions are recorded by representatives of verified organisations", { exact: false }).first()).toBeVisible();
  await expect(member.getByRole("button", { name: "Record position" })).toHaveCount(0);

  // The representative of two organisations chooses which one speaks; a reservation needs reasons.
  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, "rep@demo.normsforum.example");
  await open(rep, normUrl);
  await rep.getByRole("radio", { name: "Digital Rights Collective" }).check();
  await rep.getByRole("radio", { name: "Endorse with reservations" }).check();
  await rep.getByRole("button", { name: "Record position" }).click();
  await expect(rep.getByText("Say what the reservations are, in at least one sentence.").first()).toBeVisible();
  await rep.getByLabel("Statement").fill(reservation);
  await rep.getByRole("button", { name: "Record position" }).click();
  await expect(rep.getByText("Digital Rights Collective’s position is recorded.").first()).toBeVisible();

  // The figures and the catalogue of reservations show it, for anyone.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(normUrl);
  const positions = visitor.locator("#positions");
  await expect(positions.getByText("100% support").first()).toBeVisible();
  await expect(positions.getByText(reservation).first()).toBeVisible();

  // The author revises the text: the position now shows as given on version 1.
  await open(author, `${normUrl}/edit`);
  await author.getByLabel("Clause 1", { exact: true }).fill("States should not knowingly impair the networks of hospitals designated by health authorities.");
  await author.getByLabel("What changed in this version").fill("Named who designates hospitals.");
  await author.getByRole("button", { name: "Save version 2" }).click();
  await expect(author.getByText("Version 2 saved.").first()).toBeVisible();

  await open(rep, normUrl);
  // The organisation whose position is now on an earlier version is chosen without asking.
  await expect(rep.getByRole("radio", { name: "Digital Rights Collective" })).toBeChecked();
  await expect(rep.locator("#positions").getByText("Given on version 1").first()).toBeVisible();
  await rep.getByRole("button", { name: /^Reaffirm on version 2/ }).click();
  await expect(rep.getByText("Digital Rights Collective’s position now stands on version 2.").first()).toBeVisible();
  await rep.reload();
  await expect(rep.locator("#positions").getByText("Given on version 1")).toHaveCount(0);

  // The history keeps both entries.
  await visitor.goto(`${normUrl}/positions/history`);
  await expect(visitor.getByText(reservation)).toHaveCount(2);
});

test("a representative of several organisations finds the one whose position needs reaffirming already chosen, with full names", async ({ page }) => {
  // Demo data: the Kenyan ministry's position on this norm was given on version 1 and the Digital
  // Rights Collective's on version 2; an accepted amendment made version 3. Both need reaffirming;
  // the first of them in the list is chosen.
  await signIn(page, "rep@demo.normsforum.example");
  await open(page, "/norms/protecting-electoral-infrastructure");
  const panel = page.locator("#record-position");
  await expect(panel.getByTestId("stale-positions")).toContainText(
    "2 of your organisations gave their position on an earlier version: Digital Rights Collective; Ministry of Foreign Affairs of Kenya. Digital Rights Collective is chosen below",
  );
  await expect(panel.getByRole("radio", { name: "Digital Rights Collective" })).toBeChecked();
  await expect(panel.getByRole("button", { name: /^Reaffirm on version/ })).toBeVisible();
  // Every name in full, whatever the width.
  for (const name of ["Digital Rights Collective", "Ministry of Foreign Affairs of Kenya"]) {
    await expect(panel.locator("label", { hasText: name })).toHaveText(name);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  const box = await panel.locator("label", { hasText: "Ministry of Foreign Affairs of Kenya" }).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(box.scroll).toBeLessThanOrEqual(box.client);
});
