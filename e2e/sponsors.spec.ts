// Co-sponsors in the browser: a representative asks, for one of their verified organisations, to
// co-sponsor a norm (with a browser that runs no script: the form is a server action), the proposer
// accepts, and a visitor sees the sponsor with its stakeholder type and region; a member whose
// organisations are not verified and a visitor get no form, and nobody but the parties sees the request.
import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, open, signIn, test, unique } from "./support/fixtures";
import { normInConsultation } from "./support/norms";

const KENYA = "Ministry of Foreign Affairs of Kenya";

/** A page in a browser that runs no script, signed in through the auth API. */
async function withoutScript(browser: Browser, baseURL: string | undefined, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
  return context.newPage();
}

test("a representative asks to co-sponsor a norm, the proposer accepts, and a visitor sees the sponsor with its type and region", async ({ browser, baseURL }) => {
  test.slow();
  const title = `Protecting undersea cables, co-sponsored ${unique("s")}`;
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);
  await expect(author.getByTestId("sponsors")).toContainText("No organisation co-sponsors this norm yet.");

  // Kenya's representative asks, without script: the browser posts the form itself.
  const rep = await withoutScript(browser, baseURL, demo.representative);
  await rep.goto(normUrl);
  const form = rep.getByTestId("sponsor-request");
  await form.getByLabel("Organisation").selectOption({ label: KENYA });
  await form.getByLabel("Message to the authors (optional)").fill("Kenya relies on these cables and wants to champion the norm.");
  await form.getByRole("button", { name: "Ask to co-sponsor" }).click();
  await expect(rep).toHaveURL(new RegExp(`${normUrl}#sponsors-heading$`));
  await expect(rep.getByTestId("sponsor-yours-item").filter({ hasText: KENYA })).toContainText("has asked to co-sponsor this norm; the authors have not answered yet.");
  // Asked once: Kenya is no longer offered.
  await expect(rep.getByTestId("sponsor-request").getByRole("option", { name: KENYA })).toHaveCount(0);

  // A member who represents only organisations not yet verified, and a visitor: no form, and no
  // sight of the request.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, demo.member);
  await open(member, normUrl);
  await expect(member.getByTestId("sponsors")).toContainText("Pacific CERT Coordination Centre is not verified, so it cannot co-sponsor norms.");
  await expect(member.getByTestId("sponsor-request")).toHaveCount(0);
  await expect(member.getByRole("heading", { name: /Requests to co-sponsor/ })).toHaveCount(0);
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, normUrl);
  await expect(visitor.getByTestId("sponsor-request")).toHaveCount(0);
  await expect(visitor.getByRole("heading", { name: /Requests to co-sponsor/ })).toHaveCount(0);
  await expect(visitor.getByTestId("sponsors")).toContainText("No organisation co-sponsors this norm yet.");

  // The proposer sees the request with its message, and accepts it.
  await open(author, normUrl);
  const requests = author.getByRole("region", { name: /Requests to co-sponsor/ });
  await expect(requests.getByTestId("sponsor-request-item")).toContainText("Kenya relies on these cables");
  await requests.getByRole("button", { name: `Accept ${KENYA}` }).click();
  await expect(author.getByTestId("sponsor-row").filter({ hasText: KENYA })).toBeVisible();
  await expect(author.getByRole("heading", { name: /Requests to co-sponsor/ })).toHaveCount(0);

  // A visitor sees the sponsor, its stakeholder type and region, in the page's details and on the timeline.
  await open(visitor, normUrl);
  const row = visitor.getByTestId("sponsor-row").filter({ hasText: KENYA });
  await expect(row).toContainText("State");
  await expect(row).toContainText("African Group");
  await expect(visitor.getByRole("link", { name: "1 organisation" })).toHaveAttribute("href", "#sponsors-heading");
  await expect(visitor.locator("#timeline-heading + ol")).toContainText(`${KENYA} became a co-sponsor`);
  // The page's contents list the section.
  await expect(visitor.locator('nav a[href="#sponsors-heading"]').first()).toHaveText("Co-sponsors");
});
