import { expect, open, signIn, test, unique } from "./support/fixtures";
import { normInConsultation } from "./support/norms";

test("a clause comment is replied to, edited, reported and hidden under a house rule; the log and the author see why", async ({ browser }) => {
  // Four people take turns: give it the time of a long scenario.
  test.slow();
  const title = `Protecting undersea cables ${unique("c")}`;
  const first = "Clause 2 should say who pays for the repair ships.";
  const edited = "Clause 2 should say who pays for the repair ships, and within what time they must be let through.";
  const reply = "The cost question belongs in a separate clause.";

  const author = await (await browser.newContext()).newPage();
  const normUrl = await normInConsultation(author, title);

  // A visitor reads the discussion but is asked to sign in to comment.
  const visitor = await (await browser.newContext()).newPage();
  await open(visitor, normUrl);
  await expect(visitor.getByRole("heading", { name: "Discussion (0 comments)" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Sign in to comment." })).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Post comment" })).toHaveCount(0);

  // A member comments on clause 2 of version 1; an empty comment is refused with a field error first.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, "member@demo.normsforum.example");
  await open(member, normUrl);
  await member.getByRole("button", { name: "Post comment" }).click();
  await expect(member.getByText("Write your comment before posting it.").first()).toBeVisible();
  await member.getByLabel("Your comment").fill(first);
  await member.getByLabel("About", { exact: true }).selectOption({ label: "Clause 2 of version 1" });
  await member.getByRole("button", { name: "Post comment" }).click();
  await expect(member.getByText("Your comment was posted.").first()).toBeVisible();
  const comment = member.locator("article").filter({ hasText: first });
  await expect(comment.getByText("On clause 2 of version 1")).toBeVisible();
  await expect(member.getByRole("heading", { name: "Discussion (1 comment)" })).toBeVisible();
  // The clause shows how many comments it has.
  await expect(member.locator("#clause-2").getByRole("link", { name: "1 comment on clause 2" })).toBeVisible();

  // A representative replies.
  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, "rep@demo.normsforum.example");
  await open(rep, normUrl);
  await rep.getByRole("button", { name: "Reply to Mia Member" }).click();
  await rep.getByLabel("Your reply").fill(reply);
  await rep.getByRole("button", { name: "Post reply" }).click();
  await expect(rep.getByText("Your reply was posted.").first()).toBeVisible();
  await expect(rep.getByRole("list", { name: "Replies to Mia Member" }).getByText(reply)).toBeVisible();
  // Someone else's comment cannot be edited.
  await expect(rep.locator("article").filter({ hasText: first }).getByRole("button", { name: "Edit your comment" })).toHaveCount(0);

  // The author edits; the earlier wording stays in the edit history.
  await open(member, normUrl);
  await member.locator("article").filter({ hasText: first }).first().getByRole("button", { name: "Edit your comment" }).click();
  const editForm = member.locator("form").filter({ has: member.getByRole("button", { name: "Save changes" }) });
  await editForm.getByLabel("Your comment", { exact: true }).fill(edited);
  await editForm.getByRole("button", { name: "Save changes" }).click();
  await expect(member.getByText("Your changes were saved.", { exact: false }).first()).toBeVisible();
  const editedComment = member.locator("article").filter({ hasText: edited }).first();
  await expect(editedComment.getByText("edited", { exact: true })).toBeVisible();
  await editedComment.getByText("Edit history").click();
  await expect(editedComment.getByText(first)).toBeVisible();

  // Another member reports it.
  const reporter = await (await browser.newContext()).newPage();
  await signIn(reporter, "rep2@demo.normsforum.example");
  await open(reporter, normUrl);
  await reporter.getByRole("button", { name: "Report comment by Mia Member" }).click();
  const reportDialog = reporter.getByRole("dialog");
  await reportDialog.getByLabel("What is the problem?").fill("It names a company's staff member and invites people to contact them.");
  await reportDialog.getByRole("button", { name: "Send report" }).click();
  await expect(reporter.getByText("Report sent. The secretariat will review it.").first()).toBeVisible();

  // The secretariat hides it, citing a house rule.
  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, "secretariat@demo.normsforum.example");
  await open(secretariat, "/secretariat/moderation");
  const queued = secretariat.locator("article").filter({ hasText: edited });
  await expect(queued.getByText("It names a company's staff member", { exact: false })).toBeVisible();
  await queued.getByRole("button", { name: "Hide comment by Mia Member" }).click();
  const hideDialog = secretariat.getByRole("dialog");
  await hideDialog.getByRole("button", { name: "Hide comment" }).click();
  await expect(hideDialog.getByText("Choose", { exact: false }).first()).toBeVisible();
  await hideDialog.getByLabel("House rule").selectOption("HR-2");
  await hideDialog.getByLabel("Note to the author").fill("Naming an individual employee and inviting contact is a personal attack risk.");
  await hideDialog.getByRole("button", { name: "Hide comment" }).click();
  await expect(secretariat.getByText("The comment is hidden.").first()).toBeVisible();

  // The public log shows the action and the rule, never the text.
  await open(visitor, "/moderation-log");
  const entry = visitor.locator("li").filter({ hasText: title }).first();
  await expect(entry.getByText("Comment hidden")).toBeVisible();
  await expect(entry.getByRole("link", { name: "HR-2 (Respect people)" })).toBeVisible();
  await expect(visitor.getByText(edited)).toHaveCount(0);

  // Readers of the norm see a note instead of the text; the author sees the rule and the note.
  await open(visitor, normUrl);
  await expect(visitor.getByText("This comment was hidden by the secretariat under HR-2 (Respect people).").first()).toBeVisible();
  await expect(visitor.getByText(edited)).toHaveCount(0);
  await open(member, "/account");
  await expect(member.getByText("Naming an individual employee", { exact: false }).first()).toBeVisible();
  await expect(member.getByText("HR-2 (Respect people)").first()).toBeVisible();

  // A member may not hide comments: the queue is not theirs.
  const response = await member.goto("/secretariat/moderation");
  expect([403, 404]).toContain(response?.status());
});

test("an attempt to inject a script into a comment is shown as the text that was typed", async ({ page }) => {
  const injection = `<script>window.__injected = true</script><img src="x" onerror="window.__injected = true">`;
  await signIn(page, "member@demo.normsforum.example");
  // A norm in consultation from the demo data.
  await open(page, "/norms/protecting-the-public-core-of-the-internet");
  await page.getByLabel("Your comment").fill(`Harmless words ${injection}`);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Your comment was posted.").first()).toBeVisible();
  await page.reload();
  await page.locator("body[data-hydrated]").waitFor();
  await expect(page.getByText(injection, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect(page.locator("#discussion img")).toHaveCount(0);
});
