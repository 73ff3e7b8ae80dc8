// Observers (issue 17): an organisation that follows, comments and files statements, but takes
// no positions, until the secretariat makes it a full participant at its request.
import { baseURL } from "../playwright.config";
import { demo, expect, open, signIn, test, unique } from "./support/fixtures";

const OBSERVER = "/organizations/cyber-peace-observatory";
const DELEGATE = "delegate.cpo@demo.normsforum.example";

test("an observer is marked as one, its request waits, and the secretariat makes it a full participant", async ({ page, browser }) => {
  // Anyone sees that it takes part as an observer.
  await open(page, OBSERVER);
  await expect(page.getByTestId("observer-note")).toContainText("follows the forum, comments and files implementation statements, but takes no positions");
  await open(page, "/organizations?q=Cyber+Peace");
  await expect(page.getByTestId("organization-table").getByRole("row", { name: /Cyber Peace Observatory/ })).toContainText("Observer");

  // Its representative sees the request it made, waiting.
  const delegate = await browser.newPage({ baseURL });
  await signIn(delegate, DELEGATE);
  await open(delegate, OBSERVER);
  await expect(delegate.getByTestId("participation-requested")).toContainText("The secretariat will answer.");
  await expect(delegate.getByRole("button", { name: "Ask to take part fully" })).toHaveCount(0);

  // The secretariat: declining needs a reason; then it approves.
  await signIn(page, demo.secretariat);
  await open(page, "/secretariat/verification");
  const requests = page.getByTestId("participation-requests");
  const item = requests.getByRole("listitem").filter({ hasText: "Cyber Peace Observatory" });
  await expect(item).toContainText("Asked by Mei Lin Tan");
  await item.getByRole("button", { name: "Decline the request" }).click();
  await expect(item.locator("[id$='-reason-error']")).toContainText("Say why the request is declined");
  await item.getByRole("button", { name: "Make Cyber Peace Observatory a full participant" }).click();
  await expect(requests.getByTestId("participation-decided")).toHaveText("Cyber Peace Observatory now takes part fully.");
  await expect(item).toHaveCount(0);

  await open(delegate, OBSERVER);
  await expect(delegate.getByTestId("observer-note")).toHaveCount(0);
  await delegate.close();
});

test("a new organisation can register as an observer; its representative then sees how to ask to take part fully", async ({ page }) => {
  await signIn(page, demo.member);
  await open(page, "/organizations/new");
  const name = `Observing Institute ${unique("e2e")}`;
  await page.getByLabel("Name of the organisation").fill(name);
  await page.getByLabel("Academia").check();
  await page.getByLabel("UN regional group").selectOption("global");
  await page.getByLabel("As an observer").check();
  await page.getByRole("button", { name: "Register organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("observer-note")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ask to take part fully" })).toBeVisible();
  await page.getByRole("button", { name: "Ask to take part fully" }).click();
  await expect(page.getByTestId("participation-requested")).toContainText("The secretariat will answer.");
});
