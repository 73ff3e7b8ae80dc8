// Runs once as the server starts (`next start`, `next dev`, or through server.ts).
import { MISSING_APP_URL } from "./server/app-url-message";

/**
 * A production server without APP_URL stops at once with a plain message, as server.ts does: its
 * absolute links would otherwise have to be guessed. `next build` runs as production without
 * APP_URL, and is let through.
 */
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV !== "production" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.APP_URL) return;
  console.error(MISSING_APP_URL);
  process.exit(1);
}
