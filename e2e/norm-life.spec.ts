// One norm's whole life on the forum's clock (issue 16, "Done when"): submitted; in consultation an
// amendment is proposed, supported and accepted into a version that credits its proposer, and
// another declined with a reason; consultation closes on its date and a late comment is refused;
// the secretariat moves it to endorsement with an outcome statement; positions; endorsement closes
// and a late position is refused; concluding is refused while a criterion is unmet, then made as an
// override with its public reason; a state adheres after conclusion and the adherence chart moves.
import { demo, expect, open, signIn, test, unique } from "./support/fixtures";
import { DAY, dayFromToday, isoDay, setClock } from "./support/clock";
import { normInConsultation } from "./support/norms";

test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

test("a norm's life: amendments, the consultation's close, endorsement, its close, conclusion by override, and adherence afterwards", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const title = `Protecting undersea cables for life ${unique("l")}`;
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);
  const member = await (await browser.newContext()).newPage();
  await signIn(member, demo.member);
  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, demo.representative);
  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, demo.secretariat);
  const visitor = await (await browser.newContext()).newPage();

  // Consultation: an amendment proposed, supported and accepted; another declined with a reason.
  await open(member, `${normUrl}/amendments/new?clause=2`);
  await member.getByLabel("The words you propose").fill("States should help repair ships reach damaged cables within 48 hours.");
  await member.getByLabel("Rationale").fill("A deadline makes the clause something states can be held to.");
  await member.getByRole("button", { name: "Propose the amendment" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Amendment 1" })).toBeVisible();
  await open(member, `${normUrl}/amendments/new?clause=1`);
  await member.getByRole("radio", { name: "Delete the clause" }).check();
  await member.getByLabel("Rationale").fill("Clause 1 repeats what the law of the sea already requires.");
  await member.getByRole("button", { name: "Propose the amendment" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Amendment 2" })).toBeVisible();
  await open(rep, `${normUrl}/amendments/1`);
  await rep.getByTestId("amendment-support-self").getByRole("button", { name: "Support" }).click();
  await expect(rep.getByText("You support this amendment")).toBeVisible();
  await open(author, `${normUrl}/amendments/1`);
  await author.getByRole("button", { name: "Accept into a new version" }).click();
  await expect(author.getByText("Accepted into version 2")).toBeVisible();
  await open(author, `${normUrl}/amendments/2`);
  await author.getByLabel("Why you decline it").fill("Clause 1 is what the rest of the norm builds on; we keep it.");
  await author.getByRole("button", { name: "Decline amendment 2" }).click();
  await expect(author.getByText("Clause 1 is what the rest of the norm builds on; we keep it.").first()).toBeVisible();
  await open(visitor, normUrl);
  await expect(visitor.getByText("Incorporates amendment 1, proposed by Mia Member")).toBeVisible();
  await expect(visitor.getByText("Amendment 2 by Mia Member declined")).toBeVisible();

  // Consultation closes on its date: a comment after it is refused.
  const consultationClosed = new Date(dayFromToday(61).getTime() + 60_000);
  await setClock(request, consultationClosed);
  await open(member, normUrl);
  await expect(member.getByRole("heading", { name: "Consultation has closed" })).toBeVisible();
  await expect(member.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await expect(member.getByText("new comments and edits are closed", { exact: false }).first()).toBeVisible();

  // The secretariat moves it to endorsement with an outcome statement, the criteria met.
  await open(secretariat, normUrl);
  await secretariat.getByRole("button", { name: "Move to endorsement" }).click();
  const toEndorsement = secretariat.getByRole("dialog");
  await toEndorsement.getByLabel("Outcome statement").fill("Consultation closed on its date with one amendment accepted; the text is ready for positions.");
  const endorsementLastDay = new Date(Math.floor(consultationClosed.getTime() / DAY) * DAY + 30 * DAY);
  await toEndorsement.getByLabel("Last day of the stage (optional)").fill(isoDay(endorsementLastDay));
  await toEndorsement.getByRole("button", { name: "Move to endorsement" }).click();
  await expect(secretariat.getByText("Moved to endorsement.").first()).toBeVisible();

  // Positions during endorsement.
  await open(rep, normUrl);
  await rep.getByRole("radio", { name: "Ministry of Foreign Affairs of Kenya" }).check();
  await rep.getByRole("radio", { name: "Endorse", exact: true }).check();
  await rep.getByRole("button", { name: "Record position" }).click();
  await expect(rep.getByText("Ministry of Foreign Affairs of Kenya’s position is recorded.").first()).toBeVisible();

  // Endorsement closes: a late position is refused.
  const endorsementClosed = new Date(endorsementLastDay.getTime() + DAY + 60_000);
  await setClock(request, endorsementClosed);
  await open(author, normUrl);
  await expect(author.getByRole("heading", { name: "Endorsement has closed" })).toBeVisible();
  await expect(author.getByRole("button", { name: "Record position" })).toHaveCount(0);
  await expect(author.getByText("positions can no longer be recorded or changed", { exact: false }).first()).toBeVisible();

  // Concluding is refused while a criterion is unmet (one organisation, not ten), then made as an override.
  await open(secretariat, normUrl);
  await secretariat.getByRole("button", { name: "Conclude", exact: true }).click();
  const conclude = secretariat.getByRole("dialog");
  await conclude.getByLabel("Outcome statement").fill("Endorsement closed on its date; the norm is concluded on the positions recorded.");
  await conclude.getByRole("button", { name: "Conclude the norm" }).click();
  await expect(conclude.getByText("can only be made as an override", { exact: false }).first()).toBeVisible();
  await conclude.getByLabel("Make this move as an override").check();
  await conclude.getByLabel("Why the move is made although its criteria are not met").fill("The states concerned asked for the norm to be concluded before their regional summit.");
  await conclude.getByRole("button", { name: "Conclude the norm" }).click();
  await expect(secretariat.getByText("The move was made as an override of the published criteria.").first()).toBeVisible();
  await open(visitor, normUrl);
  await expect(visitor.getByText("Made as an override: the published criteria were not all met.")).toBeVisible();
  await expect(visitor.getByText("Reason for the override: The states concerned asked for the norm to be concluded before their regional summit.")).toBeVisible();
  const adherence = visitor.getByTestId("adherence");
  await expect(adherence.locator('[data-adherence="now"] dd')).toHaveText("1");

  // A week after the conclusion, another organisation adheres: the chart and its figures move.
  await setClock(request, new Date(endorsementClosed.getTime() + 7 * DAY));
  const company = await (await browser.newContext()).newPage();
  await signIn(company, demo.otherRepresentative);
  await open(company, normUrl);
  await company.getByRole("radio", { name: "Endorse", exact: true }).check();
  await company.getByRole("button", { name: "Record adherence" }).click();
  await expect(company.getByText("Open Networks Ltd’s position is recorded.").first()).toBeVisible();
  await open(visitor, normUrl);
  await expect(adherence.locator('[data-adherence="now"] dd')).toHaveText("2");
  await expect(adherence.getByRole("img", { name: /Adherents over time/ })).toBeVisible();
  const series = (await (await visitor.request.get(`/api/v1${normUrl}/adherence`)).json()) as { series: { date: string; total: number }[] };
  expect(series.series.at(-1)).toMatchObject({ total: 2 });
});
