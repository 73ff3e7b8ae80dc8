import { expect, test } from "./support/fixtures";

test("the health check reports the database and the job queue", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    db: "ok",
    queue: { status: "ok", waitingEvents: expect.any(Number), unsentMail: expect.any(Number), retryingMail: expect.any(Number) },
  });
});

test("pages carry the security headers", async ({ request }) => {
  // A page rendered for one request allows its scripts by that request's nonce. A public page the
  // page cache serves to many visitors (on PostgreSQL) allows them by their hashes instead.
  await request.get("/");
  for (const path of ["/", "/sign-in"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const policy = headers["content-security-policy"];
    if (headers["x-page-cache"]) {
      expect(path).toBe("/");
      expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+;/);
      expect(policy).not.toMatch(/nonce-|strict-dynamic/);
      expect(await response.text()).not.toContain("nonce=");
    } else {
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    }
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["strict-transport-security"]).toContain("max-age=");
  }
});

test("tRPC refuses a cross-site mutation and a non-JSON one", async ({ request }) => {
  const crossSite = await request.post("/api/trpc/account.signOutEverywhere", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: {},
  });
  expect(crossSite.status()).toBe(403);
  const form = await request.post("/api/trpc/account.signOutEverywhere", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "a=b",
  });
  expect(form.status()).toBe(415);
});

test("the home page renders without console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Norms Forum" })).toBeVisible();
  expect(errors).toEqual([]);
});
