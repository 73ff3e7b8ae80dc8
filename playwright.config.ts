import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { chromium } from "playwright-core";

// Use Playwright's own Chromium where it is installed; otherwise the system's (Debian's
// /usr/bin/chromium), since browsers cannot be downloaded on every machine.
const bundled = (() => {
  try {
    return chromium.executablePath();
  } catch {
    return "";
  }
})();
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const executablePath = bundled && existsSync(bundled) ? undefined : systemChromium;

const port = Number(process.env.E2E_PORT ?? 3200);
const mailPort = Number(process.env.E2E_MAIL_PORT ?? 2525);
export const baseURL = `http://localhost:${port}`;

const appEnv: Record<string, string> = {
  NODE_ENV: "production",
  PORT: String(port),
  APP_URL: baseURL,
  AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
  // Demo accounts and organisations are loaded in production only when asked, as here.
  SEED_DEMO: "true",
  SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
  DATA_DIR: ".data/e2e",
  PGLITE_DATA_DIR: ".data/e2e/pglite",
  LOG_LEVEL: "warn",
  // Every test searches from one address; the limit itself is tested in tests/search-throttle.test.ts.
  SEARCHES_PER_MINUTE: "100000",
  // Tests set the forum's clock (e2e/clock.spec.ts), from this machine only.
  TEST_CLOCK: "1",
  // The tick runs when a test calls testing.tick, never on a timer mid-test.
  TICK_SECONDS: "0",
};
// On PostgreSQL when TEST_DATABASE_URL is set (as in CI): a fresh database `nf_e2e` beside it.
// Never the developer's DATABASE_URL, which may hold real data: it is blanked for the app.
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
appEnv.DATABASE_URL = "";
if (testDatabaseUrl) {
  const e2eUrl = new URL(testDatabaseUrl);
  e2eUrl.pathname = "/nf_e2e";
  appEnv.TEST_DATABASE_URL = testDatabaseUrl;
  appEnv.DATABASE_URL = e2eUrl.toString();
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  // One app process owns the embedded database; two cores: one worker.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } }, testIgnore: /responsive\.spec\.ts/ },
    { name: "mobile", use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, isMobile: false }, testMatch: /responsive\.spec\.ts/ },
  ],
  webServer: [
    {
      command: "npx tsx e2e/support/mail-sink-server.ts",
      env: { E2E_MAIL_PORT: String(mailPort), E2E_MAIL_HTTP_PORT: String(mailPort + 1) },
      url: `http://127.0.0.1:${mailPort + 1}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The built app (`next build` runs before this in `npm test`), on a fresh database, served
      // through server.ts as in production (it decides the client's address).
      command: "npx tsx e2e/support/prepare-database.ts && npx tsx server.ts",
      env: appEnv,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
