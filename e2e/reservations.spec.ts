import { expect, open, signIn, test, unique } from "./support/fixtures";
import { normInConsultation } from "./support/norms";

test("a reservation names the clause it concerns, and the catalogue by clause lists it under that clause", async ({ browser }) => {
  test.slow();
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, `Protecting undersea cables ${unique("r")}`);
  const reservation = "We support the norm, but repair ships should still follow the coastal state's customs rules.";

  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, "rep@demo.normsforum.example");
  await open(rep, normUrl);
  const panel = rep.locator("#record-position");
  await panel.getByRole("radio", { name: "Digital Rights Collective" }).check();
  // The clauses are offered for reservations and objections only.
  await panel.getByRole("radio", { name: "Endorse", exact: true }).check();
  await expect(panel.getByRole("group", { name: "Which clauses does it concern? (optional)" })).toHaveCount(0);
  await panel.getByRole("radio", { name: "Endorse with reservations" }).check();
  const clauses = panel.getByRole("group", { name: "Which clauses does it concern? (optional)" });
  await expect(clauses.getByRole("checkbox")).toHaveCount(2);
  await expect(clauses.getByText("States should help repair ships reach damaged cables without delay.")).toBeVisible();
  await clauses.getByRole("checkbox", { name: /^Clause 2/ }).check();
  await panel.getByLabel("Statement").fill(reservation);
  await panel.getByRole("button", { name: "Record position" }).click();
  await expect(rep.getByText("Digital Rights Collective’s position is recorded.").first()).toBeVisible();

  // The list of positions and the history say which clause it is about.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(normUrl);
  await expect(visitor.locator("#positions").getByText("On clause 2").first()).toBeVisible();

  // The catalogue by clause: under clause 2, and nothing under clause 1.
  await visitor.getByRole("link", { name: "Clause", exact: true }).click();
  await expect(visitor).toHaveURL(/\?catalogue=clause#catalogue$/);
  const second = visitor.locator("#catalogue-clause-2");
  await expect(second.getByRole("heading", { name: /^Clause 2/ })).toBeVisible();
  await expect(second.getByText(reservation)).toBeVisible();
  await expect(second.getByText("Digital Rights Collective")).toBeVisible();
  await expect(visitor.locator("#catalogue-clause-1").getByText("No objection or reservation names this clause.")).toBeVisible();
  await expect(visitor.locator("#catalogue-clause-1").getByText(reservation)).toHaveCount(0);
  await visitor.goto(`${normUrl}/positions/history`);
  await expect(visitor.getByText("On clause 2")).toHaveCount(1);

  // Before the page's script has loaded, the boxes are there, ticked as recorded, and visibly off
  // (the representative's session, in a browser without script; Digital Rights Collective comes first).
  const noScriptContext = await browser.newContext({ javaScriptEnabled: false });
  await noScriptContext.addCookies(await rep.context().cookies());
  const noScript = await noScriptContext.newPage();
  await noScript.goto(normUrl);
  const boxes = noScript.locator("#record-position").getByRole("group", { name: "Which clauses does it concern? (optional)" });
  await expect(boxes.getByRole("checkbox", { name: /^Clause 2/ })).toBeChecked();
  await expect(boxes.getByRole("checkbox", { name: /^Clause 2/ })).toBeDisabled();
  await expect(boxes.getByRole("checkbox", { name: /^Clause 1/ })).toBeDisabled();
});
