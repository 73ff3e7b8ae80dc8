import { demo, expect, mailedLink, open, signIn, signUpAndConfirm, test, unique } from "./support/fixtures";

// Verified representation (issue 17): the Kenyan ministry's confirmed domain in the demo data is
// mfa-kenya.example; a member whose only address is elsewhere cannot become its representative
// until they add and confirm an address there.
test("a state's representative is refused a new representative without an address at its domains, and succeeds once they confirm one", async ({ browser }) => {
  const kenya = "Ministry of Foreign Affairs of Kenya";
  const name = `Wanjiru ${unique("w")}`;
  const signInAddress = `${unique("wanjiru")}@example.org`;
  const ministryAddress = `${unique("wanjiru")}@mfa-kenya.example`;

  // A new member of the ministry: signs up, asks to join, and the representative approves.
  const newcomer = await (await browser.newContext()).newPage();
  await signUpAndConfirm(newcomer, name, signInAddress);
  await signIn(newcomer, signInAddress, "a long enough password");
  const orgUrl = "/organizations/ministry-of-foreign-affairs-of-kenya";
  await open(newcomer, orgUrl);
  await expect(newcomer.getByRole("heading", { level: 1, name: kenya })).toBeVisible();
  // The public page shows the confirmed domain and the representatives.
  await expect(newcomer.getByTestId("confirmed-domains")).toHaveText("mfa-kenya.example");
  await expect(newcomer.getByTestId("representatives")).toContainText("Rafael Representative");
  await newcomer.getByRole("button", { name: "Ask to join" }).click();
  await expect(newcomer.getByText(/A representative .*will answer/).first()).toBeVisible();

  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, demo.representative);
  await open(rep, `${orgUrl}/manage`);
  await rep.getByRole("button", { name: `Approve the request from ${name}` }).click();
  await expect(rep.getByText(`${name} is now a member.`).first()).toBeVisible();

  // Refused, with the domain named.
  await open(rep, `${orgUrl}/manage`);
  await rep.getByRole("button", { name: `Make ${name} a representative` }).first().click();
  await expect(
    rep.getByText(`${name} needs a confirmed address at mfa-kenya.example to represent ${kenya}; they can add one on their account page.`).first(),
  ).toBeVisible();

  // The member adds an address at the ministry's domain and confirms it from the mailed link.
  await open(newcomer, "/account");
  const add = newcomer.getByTestId("add-address");
  await add.getByLabel("Email address").fill(ministryAddress);
  await add.getByRole("button", { name: "Add address" }).click();
  await expect(newcomer.getByText(`We sent a link to ${ministryAddress}.`)).toBeVisible();
  await expect(newcomer.getByTestId("addresses")).toContainText("waiting for confirmation");
  await open(newcomer, await mailedLink(ministryAddress, "/account/addresses/confirm"));
  await newcomer.getByRole("button", { name: "Confirm the address" }).click();
  await expect(newcomer.getByText(`${ministryAddress} is confirmed.`)).toBeVisible();

  // Now it succeeds, and the membership names the address it rests on.
  await open(rep, `${orgUrl}/manage`);
  await rep.getByRole("button", { name: `Make ${name} a representative` }).first().click();
  await expect(rep.getByText(`${name} is now a representative.`).first()).toBeVisible();
  await open(rep, `${orgUrl}/manage`);
  // (Wide screens show the members as a table; narrow ones as a list.)
  await expect(rep.getByRole("table").getByText(`Represents through ${ministryAddress}`)).toBeVisible();

  // The address a representation rests on stays.
  await open(newcomer, "/account");
  await newcomer.getByRole("button", { name: `Remove ${ministryAddress}` }).click();
  await expect(newcomer.getByText(`Your representation of ${kenya} rests on this address, so it stays.`, { exact: false })).toBeVisible();
});
