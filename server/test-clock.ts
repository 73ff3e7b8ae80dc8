// TEST_CLOCK=1: end-to-end tests set the forum's clock (server/clock.ts) through the
// `testing.setClock` procedure. Whoever could call it could move the forum's time, so the app
// refuses to start with it except as a test server (started through server.ts, which knows client
// addresses, with a loopback APP_URL), and the procedure answers only calls from this machine.
// Loaded by server.ts and instrumentation.ts before the app: no imports from the app.

/** Whether the test clock is on for this process (read when asked, so tests can turn it on). */
export const testClockEnabled = () => process.env.TEST_CLOCK === "1" || process.env.TEST_CLOCK === "true";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** Why this process may not run with TEST_CLOCK on, or null when it may (or when it is off). */
export function testClockRefusal({ appUrl, throughServerTs }: { appUrl: string | undefined; throughServerTs: boolean }): string | null {
  if (!testClockEnabled()) return null;
  if (!throughServerTs) return "TEST_CLOCK is for end-to-end tests only: start the app through server.ts (npm start), which knows where each request comes from.";
  let host: string | null = null;
  try {
    host = appUrl ? new URL(appUrl).hostname : null;
  } catch {
    host = null;
  }
  if (!host || !LOOPBACK.has(host)) return "TEST_CLOCK is for end-to-end tests only: APP_URL must be a loopback address (127.0.0.1, localhost or [::1]). Unset TEST_CLOCK to run the forum.";
  return null;
}

/** Whether a client address (as server.ts established it) is this machine. */
export const isLoopbackAddress = (address: string | null) => address !== null && (address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address));
