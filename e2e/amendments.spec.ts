// Amendments in the browser: a member proposes new words for a clause and the removal of another,
// a representative supports one, the norm's author accepts it into a new version that credits the
// amender and declines the other with a published reason; nobody else sees the authors' forms.
import { demo, expect, open, signIn, test, unique } from "./support/fixtures";
import { normInConsultation } from "./support/norms";

test("an amendment is proposed, supported and accepted into a new version; another is declined with a reason", async ({ browser }) => {
  test.slow();
  const title = `Protecting undersea cables, amended ${unique("a")}`;
  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);

  // A member proposes new words for clause 2 from the clause itself.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, demo.member);
  await open(member, normUrl);
  await member.getByRole("link", { name: "Propose an amendment to clause 2" }).click();
  await member.locator("body[data-hydrated]").waitFor();
  await expect(member.getByRole("heading", { level: 1, name: "Propose an amendment" })).toBeVisible();
  await expect(member.getByRole("heading", { name: "Clause 2 of version 1" })).toBeVisible();
  // New words start from the clause's own.
  await expect(member.getByLabel("The words you propose")).toHaveValue("States should help repair ships reach damaged cables without delay.");
  await member.getByLabel("The words you propose").fill("States should help repair ships reach damaged cables within 48 hours.");
  await member.getByRole("button", { name: "Propose the amendment" }).click();
  // The rationale is missing: said next to the field, nothing saved.
  await expect(member.getByText("Explain why the clause should change (at least 20 characters).").first()).toBeVisible();
  await member.getByLabel("Rationale").fill("Without a deadline, the clause cannot be checked against what states do.");
  await member.getByRole("button", { name: "Propose the amendment" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Amendment 1" })).toBeVisible();
  await expect(member.getByText("New words for clause 2").first()).toBeVisible();
  await expect(member.getByText("48 hours", { exact: false }).first()).toBeVisible();
  // The member proposed it: no support in their own name, and no authors' decision.
  await expect(member.getByText("You proposed this amendment.")).toBeVisible();
  await expect(member.getByRole("heading", { name: "Decide as an author" })).toHaveCount(0);

  // And proposes deleting clause 1, choosing it first.
  await open(member, `${normUrl}/amendments/new`);
  await member.getByRole("radio", { name: /^Clause 1\./ }).check();
  await member.getByRole("button", { name: "Continue" }).click();
  await expect(member.getByRole("heading", { name: "Clause 1 of version 1" })).toBeVisible();
  await member.locator("body[data-hydrated]").waitFor();
  await member.getByRole("radio", { name: "Delete the clause" }).check();
  await member.getByLabel("Rationale").fill("Clause 1 repeats what the law of the sea already requires of states.");
  await member.getByRole("button", { name: "Propose the amendment" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Amendment 2" })).toBeVisible();

  // A representative supports the first in their own name; the norm page counts it.
  const representative = await (await browser.newContext()).newPage();
  await signIn(representative, demo.representative);
  await open(representative, `${normUrl}/amendments/1`);
  await expect(representative.getByRole("heading", { name: "Decide as an author" })).toHaveCount(0);
  await representative.getByTestId("amendment-support-self").getByRole("button", { name: "Support" }).click();
  await expect(representative.getByText("You support this amendment")).toBeVisible();
  await open(representative, normUrl);
  await expect(representative.getByTestId("amendment-1")).toContainText("Supported by 1 person or organisation");
  await expect(representative.locator("#clause-2")).toContainText("1 open amendment to this clause");

  // The author accepts the first: version 2 carries it and credits the member.
  await open(author, `${normUrl}/amendments/1`);
  await author.getByRole("button", { name: "Accept into a new version" }).click();
  await expect(author.getByText("Accepted into version 2")).toBeVisible();
  await open(author, normUrl);
  await expect(author.locator("#clause-2")).toContainText("within 48 hours");
  await expect(author.getByText("Incorporates amendment 1, proposed by Mia Member")).toBeVisible();
  await expect(author.getByText("Amendment 1 by Mia Member accepted into version 2")).toBeVisible();

  // And declines the second, with a reason of its own.
  await open(author, `${normUrl}/amendments/2`);
  await author.getByLabel("Why you decline it").fill("Too short.");
  await author.getByRole("button", { name: "Decline amendment 2" }).click();
  await expect(author.getByText("Say why the amendment is declined (at least 20 characters)", { exact: false }).first()).toBeVisible();
  await author.getByLabel("Why you decline it").fill("Clause 1 is what the rest of the norm builds on; we keep it.");
  await author.getByRole("button", { name: "Decline amendment 2" }).click();
  await expect(author.getByText("Clause 1 is what the rest of the norm builds on; we keep it.").first()).toBeVisible();

  // Anyone reads the outcome, by state, on the norm page and in open data.
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, normUrl);
  await expect(visitor.getByRole("heading", { name: "Accepted (1)" })).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Declined (1)" })).toBeVisible();
  await expect(visitor.getByTestId("amendment-2")).toContainText("Reason: Clause 1 is what the rest of the norm builds on; we keep it.");
  const api = (await (await visitor.request.get(`/api/v1${normUrl}/amendments`)).json()) as { counts: Record<string, number> };
  expect(api.counts).toEqual({ open: 0, accepted: 1, declined: 1, withdrawn: 0, superseded: 0 });
});
