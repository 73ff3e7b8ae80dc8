import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { DEMO_PASSWORD, expect, open, mailedLink, signIn, test, unique } from "./support/fixtures";

/** The text of every message mailed to an address so far. */
async function mailedText(address: string): Promise<string[]> {
  const mailHttp = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? 2525) + 1}`;
  const messages = (await (await fetch(`${mailHttp}/messages?to=${encodeURIComponent(address)}`)).json()) as { text: string }[];
  return messages.map((m) => m.text);
}

test("sign up, confirm the email by its link, then sign in through the form", async ({ page }) => {
  const email = `${unique("ana")}@example.org`;
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill("Ana Diplomat");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto(await mailedLink(email, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();

  await open(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  // The account page names the address (in the profile, and again among "Your email addresses").
  await expect(page.getByText(email).first()).toBeVisible();
});

test("sign-up refuses a short password next to the field, and does not say whether an address is taken", async ({ page }) => {
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill("Someone");
  await page.getByLabel("Email address").fill("member@demo.normsforum.example");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 12 characters.").first()).toBeVisible();
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  // The same answer as for a new address; the owner is told by mail.
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(/already exists/)).toHaveCount(0);
  await expect
    .poll(async () => (await mailedText("member@demo.normsforum.example")).some((t) => /tried to create a Norms Forum account/.test(t)))
    .toBe(true);
});

test("session-dependent API answers are never cached", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "member@demo.normsforum.example", password: DEMO_PASSWORD, callbackUrl: "/" },
    maxRedirects: 0,
  });
  // Signing in remembers this browser as a known device (docs/security.md, "Sign-in throttling").
  expect((await request.storageState()).cookies.map((c) => c.name)).toContain("nf-device");
  const me = await request.get("/api/trpc/account.me");
  expect(me.status()).toBe(200);
  expect(await me.text()).toContain("member@demo.normsforum.example");
  expect(me.headers()["cache-control"]).toBe("private, no-store");
  for (const path of ["/api/auth/session", "/api/auth/csrf"]) {
    expect((await request.get(path)).headers()["cache-control"], path).toBe("private, no-store");
  }
});

/** A POST or GET to the app over a socket bound to `localAddress`, as a client on that address would. */
function fromAddress(localAddress: string, url: URL, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, localAddress }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

test("the app takes the client's address from the socket, never from a forged X-Forwarded-For", async ({ baseURL }) => {
  // Two clients on two loopback addresses (Linux routes all of 127/8 locally). The email has no
  // account, so nobody else's sign-in is held up; it is limited all the same.
  const email = `${unique("forged")}@example.org`;
  const attempt = async (localAddress: string, forged: string) => {
    const csrf = await fromAddress(localAddress, new URL("/api/auth/csrf", baseURL));
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    const response = await fromAddress(localAddress, new URL("/api/auth/callback/credentials", baseURL), {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forged, "x-real-ip": forged },
      body: new URLSearchParams({ csrfToken, email, password: "a wrong password", callbackUrl: "/" }).toString(),
    });
    return new URL(String(response.headers.location ?? "/"), baseURL).searchParams.get("code") ?? "";
  };
  // Ten wrong passwords for one email, each claiming another address: all come from 127.0.0.1.
  for (let i = 0; i < 10; i++) expect(await attempt("127.0.0.1", `10.0.0.${i}`)).toBe("invalid");
  // So that email and address pair is now refused, whatever address the next request claims ...
  expect(await attempt("127.0.0.1", "10.0.0.99")).toMatch(/^rate_limited/);
  // ... while another client, even claiming the blocked address, is a pair of its own. (Were the
  // address unknown, as without server.ts, both clients would share one count and this would fail.)
  expect(await attempt("127.0.0.2", "127.0.0.1")).toBe("invalid");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await open(page, "/sign-in");
  await page.getByLabel("Email address").fill("member@demo.normsforum.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email address or password is not right.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("reset a forgotten password by the emailed link; the link works once", async ({ page }) => {
  const email = `${unique("reset")}@example.org`;
  // Arrange an account through the app: sign up and confirm.
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill("Reset Person");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.goto(await mailedLink(email, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();

  await open(page, "/forgot-password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const link = await mailedLink(email, "/reset-password");
  await open(page, link);
  await page.getByLabel("New password").fill("the second password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=passwordChanged/);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("the second password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await open(page, link);
  await page.getByLabel("New password").fill("a third password here");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/already been used/)).toBeVisible();
});

test("signing out of every device ends the session", async ({ page }) => {
  await signIn(page, "rep2@demo.normsforum.example");
  await open(page, "/account");
  await page.getByRole("button", { name: "Sign out of every device" }).click();
  await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signedOutEverywhere/);
  const response = await open(page, "/account");
  expect(response?.status()).toBe(401);
});
