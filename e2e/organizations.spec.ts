import { expect, open, signIn, signUpAndConfirm, test, unique } from "./support/fixtures";

test("register an organisation, the secretariat verifies it, another person joins and is approved", async ({ browser }) => {
  const founderEmail = `${unique("founder")}@example.org`;
  const joinerEmail = `${unique("joiner")}@example.org`;
  const orgName = `Cyber Peace Network ${unique("cpn")}`;

  // The founder signs up and registers the organisation.
  const founder = await (await browser.newContext()).newPage();
  await signUpAndConfirm(founder, "Fatima Founder", founderEmail);
  await signIn(founder, founderEmail, "a long enough password");
  await open(founder, "/organizations/new");
  await founder.getByLabel("Name of the organisation").fill(orgName);
  await founder.getByLabel("Civil society").check();
  await founder.getByLabel("UN regional group").selectOption({ label: "African Group" });
  await founder.getByLabel("Country (optional)").selectOption({ label: "Kenya" });
  await founder.getByLabel("Website (optional)").fill("not a website");
  await founder.getByRole("button", { name: "Register organisation" }).click();
  await expect(founder.getByText("Enter a website address starting with http:// or https://.").first()).toBeVisible();
  await founder.getByLabel("Website (optional)").fill("https://cyberpeace.example");
  await founder.getByRole("button", { name: "Register organisation" }).click();
  await expect(founder.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  await expect(founder.getByText("Unverified").first()).toBeVisible();
  const orgUrl = founder.url();

  // The secretariat verifies it from the queue.
  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, "secretariat@demo.normsforum.example");
  await open(secretariat, "/secretariat/verification");
  // Verifying asks for a confirmation naming the organisation, its type and country.
  await secretariat.getByRole("button", { name: `Verify ${orgName}` }).click();
  const confirm = secretariat.getByRole("dialog");
  await expect(confirm.getByRole("heading", { name: `Verify ${orgName}?` })).toBeVisible();
  await expect(confirm.getByText("Civil society")).toBeVisible();
  await expect(confirm.getByText("Kenya")).toBeVisible();
  // Earlier runs leave similarly named organisations: their duplicates must be acknowledged first.
  const acknowledge = confirm.getByRole("checkbox");
  if ((await acknowledge.count()) > 0) {
    await expect(confirm.getByRole("button", { name: `Yes, verify ${orgName}` })).toBeDisabled();
    await acknowledge.check();
  }
  // The founder registered no email domain, so the secretariat records an exception for them (issue 17).
  await confirm.getByLabel("Exception for Fatima Founder (only if needed)").fill("Registered in person; the network has no mail domain of its own.");
  await confirm.getByRole("button", { name: `Yes, verify ${orgName}` }).click();
  await expect(secretariat.getByText(`${orgName} is now verified.`)).toBeVisible();

  // Another person asks to join.
  const joiner = await (await browser.newContext()).newPage();
  await signUpAndConfirm(joiner, "Jamal Joiner", joinerEmail);
  await signIn(joiner, joinerEmail, "a long enough password");
  await open(joiner, orgUrl);
  await expect(joiner.getByText("Verified").first()).toBeVisible();
  await joiner.getByLabel("Message to the representatives (optional)").fill("I lead the policy team.");
  await joiner.getByRole("button", { name: "Ask to join" }).click();
  await expect(joiner.getByText(/A representative .*will answer/).first()).toBeVisible();

  // The founder, its representative, approves.
  await open(founder, `${orgUrl}/manage`);
  await founder.getByRole("button", { name: "Approve the request from Jamal Joiner" }).click();
  await expect(founder.getByText("Jamal Joiner is now a member.")).toBeVisible();
  await open(joiner, orgUrl);
  await expect(joiner.getByText("You are a member of this organisation.")).toBeVisible();

  // Moving it to another region warns before saving, then sends it back to review with what changed.
  await founder.getByLabel("UN regional group").selectOption({ label: "Global" });
  await expect(founder.getByTestId("review-warning")).toContainText("sends this organisation back to the secretariat");
  await founder.getByRole("button", { name: "Save changes" }).click();
  await expect(founder.getByText("The organisation is back with the secretariat for verification.")).toBeVisible();
  await open(secretariat, "/secretariat/verification");
  const item = secretariat.getByRole("article", { name: orgName });
  await expect(item.getByText("Changed since it was verified")).toBeVisible();
  await expect(item.getByText("Region: African Group → Global")).toBeVisible();
});

test("the directory filters by stakeholder type and region, in the address", async ({ page }) => {
  await page.goto("/organizations?stakeholderType=state&region=african");
  await expect(page.getByRole("link", { name: "Ministry of Foreign Affairs of Kenya" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Ministry of Foreign Affairs of Japan" })).toHaveCount(0);
});

test("the secretariat rejects a registration only with a reason, and its registrant sees it", async ({ browser }) => {
  const registrantEmail = `${unique("registrant")}@example.org`;
  const orgName = `Doubtful Body ${unique("db")}`;
  const registrant = await (await browser.newContext()).newPage();
  await signUpAndConfirm(registrant, "Rita Registrant", registrantEmail);
  await signIn(registrant, registrantEmail, "a long enough password");
  await open(registrant, "/organizations/new");
  await registrant.getByLabel("Name of the organisation").fill(orgName);
  await registrant.getByLabel("Academia").check();
  await registrant.getByLabel("UN regional group").selectOption({ label: "Global" });
  await registrant.getByRole("button", { name: "Register organisation" }).click();
  await expect(registrant.getByRole("heading", { level: 1, name: orgName })).toBeVisible();

  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, "secretariat@demo.normsforum.example");
  await open(secretariat, "/secretariat/verification");
  await secretariat.getByRole("button", { name: `Reject ${orgName}` }).click();
  const dialog = secretariat.getByRole("dialog");
  await dialog.getByRole("button", { name: "Reject organisation" }).click();
  await expect(dialog.getByText(/at least 10 characters/).first()).toBeVisible();
  await dialog.getByLabel("Reason for rejecting").fill("We could not confirm that this body exists.");
  await dialog.getByRole("button", { name: "Reject organisation" }).click();
  await expect(secretariat.getByText(`${orgName} has been rejected.`)).toBeVisible();

  await registrant.reload();
  await expect(registrant.getByText("We could not confirm that this body exists.")).toBeVisible();
});
