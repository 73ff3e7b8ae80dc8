// Adherence after conclusion in the browser: the demo's concluded points-of-contact norm shows its
// figures at the close of endorsement apart from the live adherence, with the chart and its table;
// a representative withdraws an organisation's adherence (after a confirmation) and adheres again,
// on days set by the forum's clock, and the chart, the figures and the open data follow. Only the
// two endorsing stances are offered; visitors, members and suspended people get no form.
import type { APIRequestContext } from "@playwright/test";
import { expect, open, signIn, test, demo } from "./support/fixtures";
import { DAY, setClock } from "./support/clock";

const SLUG = "national-points-of-contact-and-cooperation-on-incident-respo";
const URL = `/norms/${SLUG}`;

test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

type Adherence = { frozen: { counts: { total: number } }; live: { counts: { endorse: number; endorse_with_reservations: number } }; series: { date: string; total: number }[] };
const adherence = async (request: APIRequestContext) => (await (await request.get(`/api/v1/norms/${SLUG}/adherence`)).json()) as Adherence;

test("a concluded norm: frozen figures apart, the adherence chart and table, and a withdrawal then adherence again", async ({ browser, request }) => {
  test.slow();
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, URL);
  const frozen = visitor.getByTestId("frozen-figures");
  await expect(frozen.getByRole("heading", { name: /^Figures at the close of endorsement \(/ })).toBeVisible();
  await expect(frozen.getByText("7 positions counted")).toBeVisible();
  const since = visitor.getByTestId("adherence");
  await expect(since.getByRole("heading", { name: "Adherence since conclusion" })).toBeVisible();
  await expect(since.locator('[data-adherence="now"] dd')).toHaveText("9");
  await expect(since.locator('[data-adherence="atConclusion"] dd')).toHaveText("6");
  await expect(since.getByRole("img", { name: /Adherents over time/ })).toBeVisible();
  await since.getByText("The same figures as tables").click();
  await expect(since.getByRole("table", { name: /^Adherents at the end of each day.*by stakeholder type$/ }).getByRole("row")).toHaveCount(7);
  // A visitor is asked to sign in; the panel speaks of adherence.
  await expect(visitor.getByRole("heading", { name: "Adhere to this norm" })).toBeVisible();
  // The contents list names the panel as it is headed.
  const contents = visitor.getByTestId("contents-sticky");
  await expect(contents.getByRole("link", { name: "Adhere to this norm" })).toBeVisible();
  await expect(contents.getByRole("link", { name: "Record a position" })).toHaveCount(0);
  await expect(visitor.getByText("Representatives of verified organisations can record their organisation’s adherence.")).toBeVisible();

  // A member who represents nobody, and a suspended person, get no form.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, demo.member);
  await open(member, URL);
  await expect(member.getByRole("button", { name: "Record adherence" })).toHaveCount(0);
  await expect(member.getByRole("button", { name: "Withdraw adherence" })).toHaveCount(0);
  const suspended = await (await browser.newContext()).newPage();
  await signIn(suspended, demo.suspended);
  await open(suspended, URL);
  await expect(suspended.getByText("Your account is suspended, so you cannot record positions.")).toBeVisible();

  // Ten days on, the representative withdraws Kenya's adherence, with a reason.
  const before = await adherence(request);
  const later = new Date(Date.parse(`${before.series.at(-1)!.date}T12:00:00Z`) + 10 * DAY);
  if (later.getTime() < Date.now()) later.setTime(Date.now() + 10 * DAY);
  await setClock(request, later);
  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, demo.representative);
  await open(rep, URL);
  await expect(rep.getByRole("heading", { name: "Your organisation’s adherence" })).toBeVisible();
  await rep.getByLabel("Ministry of Foreign Affairs of Kenya").check();
  // Only adherence is offered after conclusion.
  await expect(rep.getByRole("radio", { name: "Endorse", exact: true })).toBeVisible();
  await expect(rep.getByRole("radio", { name: "Endorse with reservations" })).toBeVisible();
  await expect(rep.getByRole("radio", { name: "Object" })).toHaveCount(0);
  await expect(rep.getByRole("radio", { name: "Abstain" })).toHaveCount(0);
  await rep.getByRole("button", { name: "Withdraw adherence" }).click();
  const dialog = rep.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Withdraw Ministry of Foreign Affairs of Kenya’s adherence?" })).toBeVisible();
  await dialog.getByLabel("Reason (optional)").fill("Our national point of contact is being reorganised.");
  await dialog.getByRole("button", { name: "Withdraw adherence" }).click();
  await expect(rep.getByText("Ministry of Foreign Affairs of Kenya’s adherence is withdrawn.").first()).toBeVisible();
  await expect(rep.getByTestId("adherence").locator('[data-adherence="now"] dd')).toHaveText("8");
  // The figures at the close did not move.
  await expect(rep.getByTestId("frozen-figures").getByText("7 positions counted")).toBeVisible();
  const afterWithdrawal = await adherence(request);
  expect(afterWithdrawal.series.at(-1)).toMatchObject({ date: later.toISOString().slice(0, 10), total: 8 });
  expect(afterWithdrawal.frozen).toEqual(before.frozen);

  // The history names the withdrawal, with its reason.
  await open(visitor, `${URL}/positions/history`);
  await expect(visitor.getByText("Adherence withdrawn").first()).toBeVisible();
  await expect(visitor.getByText("Our national point of contact is being reorganised.")).toBeVisible();

  // Kenya adheres again, with reservations; the reservations need their reason.
  await open(rep, URL);
  await rep.getByLabel("Ministry of Foreign Affairs of Kenya").check();
  await expect(rep.getByText("Ministry of Foreign Affairs of Kenya has not recorded a position on this norm yet.")).toBeVisible();
  await rep.getByRole("radio", { name: "Endorse with reservations" }).check();
  await rep.getByRole("button", { name: "Record adherence" }).click();
  await expect(rep.getByText("Say what the reservations are, in at least one sentence.").first()).toBeVisible();
  await rep.getByLabel("Statement").fill("We adhere, and will name our point of contact once it is reorganised.");
  await rep.getByRole("button", { name: "Record adherence" }).click();
  await expect(rep.getByText("Ministry of Foreign Affairs of Kenya’s position is recorded.").first()).toBeVisible();
  await expect(rep.getByTestId("adherence").locator('[data-adherence="now"] dd')).toHaveText("9");
  const after = await adherence(request);
  expect(after.series.at(-1)).toMatchObject({ total: 9 });
  expect(after.live.counts.endorse + after.live.counts.endorse_with_reservations).toBe(9);
  expect(after.frozen).toEqual(before.frozen);
});

test("the withdrawal's trigger is visibly off before the page's script has loaded", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const rep = await context.newPage();
  await signIn(rep, demo.otherRepresentative);
  await rep.goto(URL);
  // Open Networks Ltd adheres: its withdrawal needs the dialog, and says so by being disabled.
  await expect(rep.getByRole("button", { name: "Withdraw adherence" })).toBeDisabled();
  await expect(rep.getByRole("button", { name: "Record adherence" })).toBeDisabled();
});
