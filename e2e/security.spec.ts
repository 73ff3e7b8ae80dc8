import { expect, test } from "./support/fixtures";

test("security.txt tells tools where to report, and it has not expired", async ({ request, baseURL }) => {
  const response = await request.get("/.well-known/security.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  const text = await response.text();
  expect(text).toMatch(/^Contact: mailto:security@localhost$/m);
  expect(text).toContain(`Canonical: ${baseURL}/.well-known/security.txt`);
  expect(text).toContain(`Policy: ${baseURL}/security`);
  const expires = new Date(/^Expires: (.+)$/m.exec(text)![1]!).getTime();
  expect(expires).toBeGreaterThan(Date.now());
  expect(expires).toBeLessThan(Date.now() + 365 * 24 * 60 * 60 * 1000);
});

test("the footer leads to how to report a vulnerability, which leads to security.txt", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.getByRole("heading", { level: 1, name: "Reporting a security problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "security@localhost" })).toHaveAttribute("href", "mailto:security@localhost");
  for (const section of ["How to report", "What is in scope", "How to test", "Safe harbour"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "/.well-known/security.txt" })).toHaveAttribute("href", "/.well-known/security.txt");
});
