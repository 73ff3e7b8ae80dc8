// Observations coded to the codebook (issue 19): a member names a forum state and a state outside
// the forum by ISO code; the named ministry's representative is told at once and replies within
// the window; one reviewer cannot accept alone, two can; a reviewer from the named organisation is
// refused; the state's profile shows the observation with the reply; after publication a
// correction request is logged publicly.
import type { Browser, Page } from "@playwright/test";
import { demo, expect, open, signIn, test, unique } from "./support/fixtures";

const ORGANISATION = "Ministry of Foreign Affairs of Kenya";
const NORM = "Protecting the work of emergency response teams";
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

async function newPage(browser: Browser, email?: string) {
  const page = await (await browser.newContext()).newPage();
  if (email) await signIn(page, email);
  return page;
}

/** A tRPC mutation as the page's signed-in person; its HTTP status and message. */
async function mutate(page: Page, path: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${path}`, { data: JSON.stringify({ json: input }), headers: { "content-type": "application/json" } });
  const body = (await response.json().catch(() => null)) as { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } } | null;
  return { status: response.status(), data: body?.result?.data?.json, message: body?.error?.json?.message };
}

test("an observation naming a forum state and a state outside the forum, from logging to two reviews and a correction request", async ({ browser }) => {
  test.slow();
  const title = `Joint response to a network attack ${unique("o")}`;
  const reply = "The ministry confirms the account: its response team acted under the bilateral arrangement.";

  // The secretariat opens the next free year, so this spec's cycle is its own.
  const secretariat = await newPage(browser, demo.secretariat);
  await open(secretariat, "/secretariat/stocktakes");
  const year = Number(await secretariat.getByLabel("Year", { exact: true }).inputValue());
  await secretariat.getByLabel("Opens on").fill(isoDay(-1));
  await secretariat.getByLabel("Closes on").fill(isoDay(30));
  await secretariat.getByRole("button", { name: "Open the stock-take" }).click();
  await expect(secretariat.getByText(`The ${year} stock-take is open.`, { exact: false }).first()).toBeVisible();

  // A member logs it: Kenya's ministry (in the forum) and Tanzania by ISO code (not in it).
  const member = await newPage(browser, demo.member);
  await open(member, `/stocktakes/${year}/observations/new`);
  await expect(member.getByRole("link", { name: "codebook", exact: true })).toHaveAttribute("href", "/about/codebook");
  await member.getByLabel("Title").fill(title);
  await member.getByLabel("What happened").fill("The response teams of Kenya and Tanzania restored a regional payment network together over three days.");
  await member.getByLabel("When did it happen").fill(isoDay(-5));
  await member.getByLabel("Last day of the period (optional)").fill(isoDay(-3));
  await member.getByLabel("Actor 1").selectOption({ label: ORGANISATION });
  await member.getByLabel("Actor 2").selectOption({ label: "Tanzania (TZ)" });
  await member.getByRole("radio", { name: "Acknowledged by the actor" }).check();
  await member.getByLabel("Source of the attribution").fill("https://example.org/joint-statement");
  await member.getByRole("radio", { name: /^High/ }).check();
  await member.getByLabel("Evidence type").selectOption({ label: "Government statement" });
  await member.getByLabel(NORM, { exact: true }).selectOption({ label: "Consistent" });
  // A source that is not http(s) is refused on its own field.
  await member.getByLabel("Source 1: web address").fill("ftp://example.org/joint-statement");
  await member.getByRole("button", { name: "Send for review" }).click();
  await expect(member.locator("#sourceUrl-0-error")).toContainText("Links must start with http:// or https://.");
  await member.getByLabel("Source 1: web address").fill("https://example.org/joint-statement");
  await member.getByLabel("Archived copy (optional)").first().fill("https://web.archive.org/web/2026/https://example.org/joint-statement");
  await member.getByRole("button", { name: "Send for review" }).click();
  await expect(member.getByText("Observation sent for review.").first()).toBeVisible();

  // The ministry's representative is told at once, and replies while it awaits review.
  const rep = await newPage(browser, demo.representative);
  await expect(async () => {
    await open(rep, "/notifications");
    await expect(rep.getByText(`${ORGANISATION} is named in a behaviour observation in the ${year} stock-take`, { exact: false }).first()).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await open(rep, `/stocktakes/${year}`);
  await expect(rep.getByRole("heading", { name: "Observations naming your organisation" })).toBeVisible();
  const replyForm = rep.getByRole("form", { name: `Reply on behalf of ${ORGANISATION}` });
  await replyForm.getByLabel("Your organisation's reply").fill(reply);
  await replyForm.getByRole("button", { name: "Publish reply" }).click();
  await expect(rep.getByText(`Reply published for ${ORGANISATION}.`).first()).toBeVisible();

  // The ministry's representative cannot review it.
  const observationId = (await rep.getByTestId("observation").filter({ hasText: title }).getByRole("heading", { name: title }).getAttribute("id"))!.replace("observation-", "");
  expect((await mutate(rep, "stocktakes.reviewObservation", { observationId, decision: "accept", note: "" })).status).toBe(403);

  // One reviewer cannot accept it alone; the queue says a second is needed.
  await open(secretariat, `/secretariat/stocktakes/${year}`);
  await secretariat.getByRole("button", { name: `Accept the observation “${title}”` }).click();
  await expect(secretariat.getByText(`Your review of “${title}” is recorded`, { exact: false }).first()).toBeVisible();
  await open(secretariat, `/secretariat/stocktakes/${year}`);
  const queued = secretariat.getByRole("article").filter({ has: secretariat.getByRole("heading", { name: title }) });
  await expect(queued.getByText("Reviewed once: needs a second reviewer")).toBeVisible();
  await expect(queued.getByTestId("observation-reviews")).toContainText("Sam Secretariat: accepted");
  await expect(queued.getByText("You have reviewed this observation.", { exact: false })).toBeVisible();
  expect((await mutate(secretariat, "stocktakes.reviewObservation", { observationId, decision: "accept", note: "" })).status).toBe(409);
  const visitor = await newPage(browser);
  await open(visitor, `/stocktakes/${year}`);
  await expect(visitor.getByText(title)).toHaveCount(0);

  // A second member of the secretariat accepts it: it is public, coded, with the reply.
  const admin = await newPage(browser, demo.admin);
  await open(admin, `/secretariat/stocktakes/${year}`);
  await admin.getByRole("button", { name: `Accept the observation “${title}”` }).click();
  await expect(admin.getByText(`Accepted “${title}”.`).first()).toBeVisible();
  await open(visitor, `/stocktakes/${year}`);
  const entry = visitor.getByTestId("observation").filter({ hasText: title });
  await expect(entry.getByTestId("codebook-version")).toHaveText("Coded under codebook v1");
  await expect(entry.getByTestId("observation-actors")).toContainText(ORGANISATION);
  await expect(entry.getByTestId("observation-actors")).toContainText("Tanzania");
  await expect(entry.getByTestId("observation-review")).toHaveText("Accepted by two reviewers of the secretariat");
  await expect(entry.getByText(reply)).toBeVisible();

  // Tanzania's profile shows it, with the ministry's reply.
  await open(visitor, "/states/tz");
  const record = visitor.getByTestId("record-observations");
  await expect(record.getByText(title)).toBeVisible();
  await expect(record.getByText(reply)).toBeVisible();

  // The report is published; anyone signed in may then ask for a correction, logged publicly.
  await open(secretariat, `/secretariat/stocktakes/${year}`);
  await secretariat.getByRole("button", { name: "Close the submission window now" }).click();
  await secretariat.getByRole("dialog").getByRole("button", { name: "Yes, close it now" }).click();
  await expect(secretariat.getByText(`The ${year} submission window is closed.`).first()).toBeVisible();
  await secretariat.getByRole("button", { name: "Publish the report" }).click();
  await expect(secretariat.getByText("Published: revision 1.").first()).toBeVisible({ timeout: 60_000 });
  const request = "The period given ends a day late according to the joint statement.";
  await open(member, `/stocktakes/${year}`);
  const published = member.getByTestId("observation").filter({ hasText: title });
  await published.getByText("Ask for a correction").first().click();
  await published.getByLabel("Ask for a correction").fill(request);
  await published.getByRole("button", { name: "Send the request" }).click();
  await expect(member.getByText("Your request was logged.").first()).toBeVisible();
  await open(visitor, "/stocktakes/corrections");
  await expect(visitor.getByTestId("correction-log")).toContainText(request);
  await expect(visitor.getByTestId("correction-log")).toContainText("Awaiting an answer");
});
