import { expect, open, signIn, test, unique } from "./support/fixtures";

test("propose, preview, submit, revise twice, read the redline; endorsement freezes the text", async ({ browser }) => {
  test.slow();
  const title = `Sparing hospitals from cyber operations ${unique("n")}`;
  const author = await (await browser.newContext()).newPage();
  await signIn(author, "rep@demo.normsforum.example");

  await open(author, "/norms/new");
  await author.getByRole("button", { name: "Save as a private draft" }).click();
  await expect(author.getByText("Enter a title of at least 5 characters.").first()).toBeVisible();

  await author.getByLabel("Title", { exact: true }).fill(title);
  await author.getByLabel("Summary", { exact: true }).fill("States should not conduct or support cyber operations that impair hospitals.");
  await author.getByLabel("Clause 1", { exact: true }).fill("States should not knowingly conduct cyber operations that impair hospitals.");
  await author.getByRole("checkbox", { name: /^II\./ }).check();
  await author.getByRole("radio", { name: /Mutual restraint/ }).check();
  await author.getByRole("radio", { name: /Political/ }).check();
  await author.getByRole("button", { name: "Preview" }).click();
  await expect(author.getByTestId("norm-preview").getByText("States should not knowingly conduct cyber operations that impair hospitals.")).toBeVisible();
  await author.getByRole("button", { name: "Back to editing" }).click();
  await author.getByRole("button", { name: "Save as a private draft" }).click();
  await expect(author.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const normUrl = new URL(author.url()).pathname;

  // A visitor cannot open the draft by its address.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(normUrl))?.status()).toBe(404);

  await author.locator("body[data-hydrated]").waitFor();
  await author.getByRole("button", { name: "Submit to consultation" }).click();
  await author.getByRole("dialog").getByRole("button", { name: "Submit to consultation" }).click();
  await expect(author.getByText("Submitted to consultation.").first()).toBeVisible();
  await expect(author.getByRole("dialog")).toHaveCount(0);

  for (const [n, wording] of [
    [2, "States should not intentionally conduct cyber operations that impair hospitals."],
    [3, "States should not intentionally conduct or support cyber operations that impair hospitals or their supply chains."],
  ] as const) {
    await open(author, `${normUrl}/edit`);
    await author.getByLabel("Clause 1", { exact: true }).fill(wording);
    await author.getByLabel("What changed in this version").fill(`Revision ${n}.`);
    await author.getByRole("button", { name: `Save version ${n}` }).click();
    await expect(author.getByText(`Version ${n} saved.`).first()).toBeVisible();
  }

  await visitor.goto(`${normUrl}/redline?from=1&to=3`);
  await expect(visitor.locator("del").filter({ hasText: "knowingly" }).first()).toBeVisible();
  await expect(visitor.locator("ins").filter({ hasText: "intentionally" }).first()).toBeVisible();
  await expect(visitor.locator("ins").filter({ hasText: "supply chains" }).first()).toBeVisible();
  // Clause by clause and numbered: a small edit keeps its word marks under its number.
  await expect(visitor.getByRole("heading", { level: 3, name: "Clause 1 · edited" })).toBeVisible();

  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, "secretariat@demo.normsforum.example");
  await open(secretariat, normUrl);
  // Consultation has not reached its closing date: the move is made only as an override, with its
  // reason, and always with a public outcome statement.
  await expect(secretariat.getByRole("heading", { name: "Criteria for the next step" })).toBeVisible();
  await secretariat.getByRole("button", { name: "Move to endorsement" }).click();
  const move = secretariat.getByRole("dialog");
  await expect(move.getByText("The published criteria for this move are not all met", { exact: false })).toBeVisible();
  await move.getByRole("button", { name: "Move to endorsement" }).click();
  await expect(move.getByText("Write the outcome statement", { exact: false }).first()).toBeVisible();
  await move.getByLabel("Outcome statement").fill("The text has settled after three versions; positions are now the point.");
  await move.getByRole("button", { name: "Move to endorsement" }).click();
  await expect(move.getByText("can only be made as an override", { exact: false }).first()).toBeVisible();
  await move.getByLabel("Make this move as an override").check();
  await move.getByLabel("Why the move is made although its criteria are not met").fill("The proposer and every commenter asked for positions before the date.");
  await move.getByRole("button", { name: "Move to endorsement" }).click();
  await expect(secretariat.getByText("The move was made as an override of the published criteria.").first()).toBeVisible();
  await expect(secretariat.getByRole("dialog")).toHaveCount(0);
  await expect(secretariat.getByText("Made as an override: the published criteria were not all met.")).toBeVisible();
  await expect(secretariat.getByText("Outcome statement: The text has settled after three versions; positions are now the point.")).toBeVisible();
  await expect(secretariat.getByRole("heading", { name: "The text is frozen" })).toBeVisible();

  await author.goto(normUrl);
  await expect(author.getByRole("heading", { name: "The text is frozen" })).toBeVisible();
  await expect(author.getByRole("link", { name: "Revise the text" })).toHaveCount(0);
});

test("search finds a norm by a word of its text, and highlights it", async ({ page }) => {
  await page.goto("/norms?q=cryptographically");
  await expect(page.getByRole("link", { name: "Integrity of ICT supply chains and software updates" })).toBeVisible();
  await expect(page.locator("mark").first()).toBeVisible();
});

test("the secretariat's transitions are not offered to a member", async ({ page }) => {
  await signIn(page, "member@demo.normsforum.example");
  await page.goto("/norms/protecting-the-public-core-of-the-internet");
  await expect(page.getByRole("heading", { level: 1, name: "Protecting the public core of the Internet" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Move to endorsement" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Revise the text" })).toHaveCount(0);
});

test("a co-author joins by invitation; a draft withdrawn before submission stays private", async ({ browser }) => {
  test.slow();
  const title = `Sparing water utilities from cyber operations ${unique("n")}`;
  const author = await (await browser.newContext()).newPage();
  await signIn(author, "rep@demo.normsforum.example");
  await open(author, "/norms/new");
  await author.getByLabel("Title", { exact: true }).fill(title);
  await author.getByLabel("Summary", { exact: true }).fill("States should not conduct or support cyber operations that impair water utilities.");
  await author.getByLabel("Clause 1", { exact: true }).fill("States should not knowingly conduct cyber operations that impair water utilities.");
  await author.getByRole("checkbox", { name: /^II\./ }).check();
  await author.getByRole("radio", { name: /Mutual restraint/ }).check();
  await author.getByRole("radio", { name: /Political/ }).check();
  await author.getByRole("button", { name: "Save as a private draft" }).click();
  await expect(author.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const normUrl = new URL(author.url()).pathname;

  // The proposer invites by address; the pending entry shows the address as typed, not a name.
  await open(author, `${normUrl}/edit`);
  await author.getByLabel("Email address").fill("member@demo.normsforum.example");
  await author.getByRole("button", { name: "Send invitation" }).click();
  await expect(author.getByText("Invitation sent to member@demo.normsforum.example.").first()).toBeVisible();
  await expect(author.getByTestId("pending-invitations").getByText("member@demo.normsforum.example", { exact: true })).toBeVisible();

  // The invitee sees the title only, and the draft once they accept.
  const invitee = await (await browser.newContext()).newPage();
  await signIn(invitee, "member@demo.normsforum.example");
  expect((await invitee.goto(normUrl))?.status()).toBe(404);
  await open(invitee, "/norms/mine");
  const invitation = invitee.getByTestId("coauthor-invitations").getByRole("listitem").filter({ hasText: title });
  await expect(invitation).toBeVisible();
  await invitation.getByRole("button", { name: /^Accept/ }).click();
  await expect(invitee.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(invitee.getByText("You are a co-author of this norm.")).toBeVisible();

  // Withdrawing the unsubmitted draft says it stays private, and it does.
  await open(author, normUrl);
  await author.getByRole("button", { name: "Withdraw" }).click();
  await expect(author.getByRole("dialog").getByText(/This draft was never submitted, so it stays private/)).toBeVisible();
  await author.getByRole("dialog").getByRole("button", { name: "Withdraw the norm" }).click();
  await expect(author.getByText("The draft was withdrawn. It stays private to its authors.").first()).toBeVisible();
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(normUrl))?.status()).toBe(404);
  expect((await visitor.goto(`/api/v1${normUrl}/versions/1`))?.status()).toBe(404);
});
