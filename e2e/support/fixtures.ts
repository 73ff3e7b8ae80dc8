import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";
export const demo = {
  admin: "admin@demo.normsforum.example",
  secretariat: "secretariat@demo.normsforum.example",
  member: "member@demo.normsforum.example",
  representative: "rep@demo.normsforum.example",
  otherRepresentative: "rep2@demo.normsforum.example",
  suspended: "suspended@demo.normsforum.example",
  // The representative of the Institute for Cyber Policy Studies (db/demo-delegates.ts): someone
  // who is neither staff (who join no organisation) nor one of the accounts other specs count on.
  delegate: "delegate.icps@demo.normsforum.example",
} as const;

const mailHttp = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? 2525) + 1}`;

/** Signs in through the auth API, skipping the form: the session cookie lands in the page's context. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in for ${email}`).toBeLessThan(400);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token")), `session cookie for ${email}`).toBe(true);
}

/** The newest link to `path` mailed to an address, waiting for it to arrive. */
export async function mailedLink(address: string, path: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(`${mailHttp}/messages?to=${encodeURIComponent(address)}`)).json()) as { text: string }[];
        const found = messages
          .map((m) => m.text.match(new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_%-]+`))?.[0])
          .filter(Boolean)
          .at(-1);
        link = found;
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return link!;
}

/** Waits for a message to `address` whose text contains `text`, and returns that text. */
export async function mailContaining(address: string, text: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(`${mailHttp}/messages?to=${encodeURIComponent(address)}`)).json()) as { text: string }[];
        found = messages.map((m) => m.text).find((t) => t.includes(text));
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export const test = base;
export { expect };

/**
 * Opens a page and waits until React has hydrated it, so typing is not lost or misplaced: the root
 * (body[data-hydrated]), and the page streamed in behind its loading skeleton, whose parts hydrate
 * after the root (until then its submit buttons are marked data-awaiting-script).
 */
export async function open(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForFunction(
    () => document.body.dataset.hydrated === "true" && !document.querySelector('[data-testid="page-skeleton"], [data-awaiting-script]'),
  );
  return response;
}

/** Creates and confirms an account through the app (the sign-up form and the mailed link). */
export async function signUpAndConfirm(page: Page, displayName: string, email: string, password = "a long enough password") {
  await open(page, "/sign-up");
  await page.getByLabel("Your name").fill(displayName);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await mailedLink(email, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
}
