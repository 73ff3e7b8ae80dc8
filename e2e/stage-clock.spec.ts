// The consultation clock in the browser: a norm's stage closes on its date with nobody clicking,
// what it closes is refused, the tick records the close, and the secretariat extends it with a
// reason and sets the next stage's date within the published minimum. Driven by the forum's clock.
import { expect, open, signIn, test, unique } from "./support/fixtures";
import { DAY, dayFromToday, isoDay, longDate, setClock, tick } from "./support/clock";
import { normInConsultation } from "./support/norms";

test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

test("a stage closes on its date: comments and positions stop, the secretariat extends it with a reason and opens endorsement with its own date", async ({ browser, request }) => {
  test.slow();
  const title = `Protecting undersea cables on the clock ${unique("k")}`;
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);

  // Submitted today: consultation runs the published 60 days, to the end of the 60th day from today.
  const lastDay = dayFromToday(60);
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, normUrl);
  await expect(visitor.getByRole("heading", { name: `Consultation closes at the end of ${longDate(lastDay)} (UTC)` })).toBeVisible();
  await expect(visitor.getByText("60 days left.")).toBeVisible();
  await expect(visitor.getByText("In your time zone, it closes on")).toBeVisible();
  await open(visitor, `/norms?q=${encodeURIComponent(title)}`);
  await expect(visitor.getByText(`Consultation closes at the end of ${longDate(lastDay)} (UTC), in 60 days.`)).toBeVisible();

  // The day after its last day: closed, without anyone clicking.
  await setClock(request, new Date(lastDay.getTime() + DAY + 60_000));
  const member = await (await browser.newContext()).newPage();
  await signIn(member, "member@demo.normsforum.example");
  await open(member, normUrl);
  await expect(member.getByRole("heading", { name: "Consultation has closed" })).toBeVisible();
  await expect(member.getByText("The norm is awaiting the secretariat’s decision.", { exact: false }).first()).toBeVisible();
  await expect(member.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await expect(member.getByText("new comments and edits are closed", { exact: false }).first()).toBeVisible();
  // Its author can no longer revise it.
  await open(author, normUrl);
  await expect(author.getByRole("link", { name: "Revise the text" })).toHaveCount(0);

  // The tick records the close on the timeline; the secretariat's desk lists the norm.
  expect((await tick(request)).stagesClosed).toBeGreaterThanOrEqual(1);
  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, "secretariat@demo.normsforum.example");
  await open(secretariat, normUrl);
  await expect(secretariat.getByText(`Consultation closed at the end of ${longDate(lastDay)} (UTC)`)).toBeVisible();
  await expect(secretariat.getByText("On its closing date", { exact: false })).toBeVisible();

  // Extended with a reason: never to an earlier date, and the reason is public.
  await secretariat.getByRole("button", { name: "Extend the stage" }).click();
  const extend = secretariat.getByRole("dialog");
  await extend.getByLabel("New last day").fill(isoDay(lastDay));
  await extend.getByLabel("Reason").fill("Regional consultations in two UN regions asked for more time.");
  await extend.getByRole("button", { name: "Extend the stage" }).click();
  await expect(extend.getByText(`An extension must move the closing date later than ${isoDay(lastDay)}.`).first()).toBeVisible();
  const extendedTo = new Date(lastDay.getTime() + 14 * DAY);
  await extend.getByLabel("New last day").fill(isoDay(extendedTo));
  await extend.getByRole("button", { name: "Extend the stage" }).click();
  await expect(secretariat.getByText("The stage was extended.").first()).toBeVisible();
  await expect(secretariat.getByRole("heading", { name: `Consultation closes at the end of ${longDate(extendedTo)} (UTC)` })).toBeVisible();
  await expect(secretariat.getByText("Reason: Regional consultations in two UN regions asked for more time.")).toBeVisible();

  // Reopened: the member comments again.
  await open(member, normUrl);
  await member.getByLabel("Your comment").fill("Thank you for the extra time; clause 2 needs a deadline for access.");
  await member.getByRole("button", { name: "Post comment" }).click();
  await expect(member.getByText("Your comment was posted.").first()).toBeVisible();

  // Endorsement opens, after the extended consultation has closed (its criterion met), with the
  // secretariat's date, no sooner than the published minimum (21 days).
  const now = new Date(extendedTo.getTime() + DAY + 60_000);
  await setClock(request, now);
  await open(secretariat, normUrl);
  await expect(secretariat.getByText("The published criteria for this move are not all met", { exact: false })).toHaveCount(0);
  await secretariat.getByRole("button", { name: "Move to endorsement" }).click();
  const move = secretariat.getByRole("dialog");
  await move.getByLabel("Outcome statement").fill("Consultation closed on its date after an extension; the text is ready for positions.");
  await move.getByLabel("Last day of the stage (optional)").fill(isoDay(new Date(now.getTime() + 5 * DAY)));
  await move.getByRole("button", { name: "Move to endorsement" }).click();
  await expect(move.getByText("The stage must run at least 21 days", { exact: false }).first()).toBeVisible();
  const endorsementLastDay = new Date(Math.floor(now.getTime() / DAY) * DAY + 30 * DAY);
  await move.getByLabel("Last day of the stage (optional)").fill(isoDay(endorsementLastDay));
  await move.getByRole("button", { name: "Move to endorsement" }).click();
  await expect(secretariat.getByText("Moved to endorsement.").first()).toBeVisible();
  await expect(secretariat.getByRole("heading", { name: `Endorsement closes at the end of ${longDate(endorsementLastDay)} (UTC)` })).toBeVisible();

  // After its last day no position can be recorded: the form gives way to the reason.
  await setClock(request, new Date(endorsementLastDay.getTime() + DAY + 60_000));
  const representative = await (await browser.newContext()).newPage();
  await signIn(representative, "rep@demo.normsforum.example");
  await open(representative, normUrl);
  await expect(representative.getByRole("heading", { name: "Endorsement has closed" })).toBeVisible();
  await expect(representative.getByText("positions can no longer be recorded or changed", { exact: false }).first()).toBeVisible();
  await expect(representative.getByRole("button", { name: "Record position" })).toHaveCount(0);
});
