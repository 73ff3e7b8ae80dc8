import type { Page } from "@playwright/test";
import { expect, open, signIn } from "./fixtures";

/** A norm in consultation with two clauses, proposed by Open Networks' representative; answers its path. */
export async function normInConsultation(page: Page, title: string) {
  await signIn(page, "rep2@demo.normsforum.example");
  await open(page, "/norms/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary", { exact: true }).fill("States should protect the undersea cables that carry the world's data traffic.");
  await page.getByLabel("Clause 1", { exact: true }).fill("States should not damage undersea cables.");
  await page.getByRole("button", { name: "Add a clause" }).click();
  await page.getByLabel("Clause 2", { exact: true }).fill("States should help repair ships reach damaged cables without delay.");
  await page.getByRole("checkbox", { name: /^II\./ }).check();
  await page.getByRole("radio", { name: /Mutual restraint/ }).check();
  await page.getByRole("radio", { name: /Political/ }).check();
  await page.getByRole("button", { name: "Save as a private draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const url = new URL(page.url()).pathname;
  await page.locator("body[data-hydrated]").waitFor();
  await page.getByRole("button", { name: "Submit to consultation" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit to consultation" }).click();
  await expect(page.getByText("Submitted to consultation.").first()).toBeVisible();
  return url;
}
