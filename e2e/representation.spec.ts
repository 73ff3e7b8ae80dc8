import { DAY, setClock, tick } from "./support/clock";
import { demo, expect, mailContaining, mailedLink, open, signIn, signUpAndConfirm, test, unique } from "./support/fixtures";

// Verified representation (issue 17): the Kenyan ministry's confirmed domain in the demo data is
// mfa-kenya.example; a member whose only address is elsewhere cannot become its representative
// until they add and confirm an address there. Then the nomination waits for the secretariat, is
// approved, and lapses twelve months later unless reconfirmed (the forum's clock moved ahead, and
// back again at the end: the lapses recorded meanwhile are taken back).
test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

test("a state's new representative is refused without an address at its domains; with one, the nomination waits for the secretariat, is approved, and lapses after twelve months", async ({ browser, request }) => {
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
  await rep.getByRole("button", { name: `Nominate ${name} as a representative` }).first().click();
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

  // Now the nomination is accepted, and waits for the secretariat.
  await open(rep, `${orgUrl}/manage`);
  await rep.getByRole("button", { name: `Nominate ${name} as a representative` }).first().click();
  await expect(rep.getByText(`${name} is nominated.`, { exact: false }).first()).toBeVisible();
  await open(rep, `${orgUrl}/manage`);
  await expect(rep.getByTestId("nominations")).toContainText(name);
  await expect(rep.getByTestId("nominations")).toContainText(ministryAddress);
  await expect(rep.getByTestId("nominations")).toContainText("Waiting for the secretariat.");
  // Not yet a representative: the public page does not list them.
  await open(newcomer, orgUrl);
  await expect(newcomer.getByTestId("representatives")).not.toContainText(name);

  // The secretariat approves it from its queue.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, demo.secretariat);
  await open(staff, "/secretariat/verification");
  const nominations = staff.getByTestId("nominations");
  await expect(nominations.getByRole("heading", { name: `${name}, for ${kenya}` })).toBeVisible();
  await nominations.getByRole("button", { name: `Approve ${name}` }).click();
  await expect(staff.getByTestId("nomination-decided").first()).toContainText("The nomination is approved");
  const approvedAt = Date.now();

  // Listed publicly, since the approval, approved by the secretariat; the membership names the
  // address it rests on and the date it runs until.
  await open(newcomer, orgUrl);
  await expect(newcomer.getByTestId("representatives")).toContainText(name);
  await expect(newcomer.getByTestId("representatives").getByText(/approved by the secretariat/).first()).toBeVisible();
  await open(rep, `${orgUrl}/manage`);
  // (Wide screens show the members as a table; narrow ones as a list.)
  await expect(rep.getByRole("table").getByText(`Represents through ${ministryAddress}`)).toBeVisible();
  await expect(rep.getByRole("table").getByTestId("runs-until").first()).toBeVisible();

  // The address a representation rests on stays.
  await open(newcomer, "/account");
  await newcomer.getByRole("button", { name: `Remove ${ministryAddress}` }).click();
  await expect(newcomer.getByText(`Your representation of ${kenya} rests on this address, so it stays.`, { exact: false })).toBeVisible();

  // Eleven months and three weeks on, the daily sweep reminds them, and the manage page asks them to reconfirm.
  await setClock(request, new Date(approvedAt + 358 * DAY));
  await tick(request);
  expect(await mailContaining(signInAddress, `Your representation of ${kenya} on the Norms Forum lapses on`)).toContain(`${orgUrl}/manage#reconfirm`);
  await open(newcomer, `${orgUrl}/manage`);
  await expect(newcomer.getByRole("heading", { name: "Reconfirm your representation" })).toBeVisible();

  // A year and a day after the approval, unreconfirmed, it has lapsed: they no longer manage the
  // organisation, and once the sweep has run, its page names them among those who represented it before.
  await setClock(request, new Date(approvedAt + 367 * DAY));
  await open(newcomer, `${orgUrl}/manage`);
  await expect(newcomer.getByRole("heading", { level: 1, name: "You do not have permission to see this page" })).toBeVisible();
  await tick(request);
  await open(newcomer, orgUrl);
  await expect(newcomer.getByTestId("representatives")).not.toContainText(name);
  await expect(newcomer.getByTestId("former-representatives")).toContainText(name);
  await expect(newcomer.getByTestId("former-representatives")).toContainText("lapsed without reconfirmation");
});
