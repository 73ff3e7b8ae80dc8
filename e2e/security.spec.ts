import { DEMO_PASSWORD, expect, open, test } from "./support/fixtures";

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

test("every kind of response carries the browser protections (HSTS a year or more with subdomains, nosniff, CSP)", async ({ request }) => {
  for (const path of ["/", "/security", "/.well-known/security.txt", "/api/v1/norms", "/api/v1/norms.csv", "/api/trpc/account.me"]) {
    const headers = (await request.get(path)).headers();
    const hsts = /^max-age=(\d+); includeSubDomains$/.exec(headers["strict-transport-security"] ?? "");
    expect(hsts, `${path}: ${headers["strict-transport-security"]}`).not.toBeNull();
    expect(Number(hsts![1]), path).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
  }
});

test("static files, which the middleware does not see, are nosniff too", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const scripts = [...html.matchAll(/\/_next\/static\/[^"'\s]+\.(?:js|css)/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const path of scripts.slice(0, 3)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

test("only the public open-data API is readable cross-origin; session answers are not, and mutations refuse GET", async ({ request }) => {
  const evil = { origin: "https://evil.example" };
  expect((await request.get("/api/v1/norms", { headers: evil })).headers()["access-control-allow-origin"]).toBe("*");
  for (const path of ["/api/trpc/account.me", "/api/auth/session", "/api/auth/csrf"]) {
    expect((await request.get(path, { headers: evil })).headers()["access-control-allow-origin"], path).toBeUndefined();
  }
  const viaGet = await request.get("/api/trpc/account.signOutEverywhere");
  expect(viaGet.status()).toBe(405);
});

test("signing in never sends the browser to another site, whatever the link asked for", async ({ page, baseURL }) => {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const api = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "member@demo.normsforum.example", password: DEMO_PASSWORD, callbackUrl: "https://evil.example/phish" },
    maxRedirects: 0,
  });
  expect(new URL(api.headers().location!, baseURL).origin).toBe(new URL(baseURL!).origin);
  await page.context().clearCookies();

  for (const next of ["//evil.example/phish", "https://evil.example/phish", "/\\evil.example"]) {
    await open(page, `/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email address").fill("member@demo.normsforum.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/account`);
    // Signing out is in the header of every page a signed-in person sees.
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  }
});

test("the only way in is an email and password, typed into masked fields that password managers may fill", async ({ page, request }) => {
  expect(Object.keys((await (await request.get("/api/auth/providers")).json()) as Record<string, unknown>)).toEqual(["credentials"]);
  await open(page, "/sign-in");
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("type", "password");
  await expect(password).toHaveAttribute("autocomplete", "current-password");
  await expect(page.getByLabel("Email address")).toHaveAttribute("autocomplete", /email|username/);
  // Pasting works (nothing cancels it).
  await password.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "pasted password");
    const field = document.activeElement as HTMLInputElement;
    const allowed = field.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    if (!allowed) throw new Error("paste was cancelled");
  });
  await open(page, "/sign-up");
  await expect(page.getByLabel("Password")).toHaveAttribute("autocomplete", "new-password");
});
