// Runs once as the server starts (`next start`, `next dev`, or through server.ts).
import { MISSING_APP_URL } from "./server/app-url-message";
import { currentProxyMark } from "./server/auth/proxy-mark";
import { testClockRefusal } from "./server/test-clock";

/**
 * A production server without APP_URL stops at once with a plain message, as server.ts does: its
 * absolute links would otherwise have to be guessed. `next build` runs as production without
 * APP_URL, and is let through.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // server.ts checks TEST_CLOCK itself before Next.js starts; `next start` and `next dev` cannot
  // keep the app on loopback, so they refuse it (server/test-clock.ts).
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const refusal = testClockRefusal({ appUrl: process.env.APP_URL, throughServerTs: Boolean(currentProxyMark()) });
    if (refusal) {
      console.error(refusal);
      process.exit(1);
    }
  }
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NODE_ENV === "production" && !process.env.APP_URL) {
    console.error(MISSING_APP_URL);
    process.exit(1);
  }
  // The job queue (notifications, mail, and the scheduled tick: server/notifications/queue.ts). It
  // opens the database and starts in the background: the server answers meanwhile.
  // Tested again where it is imported: the build replaces NEXT_RUNTIME there and leaves the import,
  // with the database drivers, out of the edge bundle (the return above does not).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startWorkers } = await import("./server/notifications/worker");
    void startWorkers();
    // /api/trpc's handler, for server.ts to serve without Next.js's router (server/trpc-direct.ts).
    const [{ trpcRequestHandler }, { publishTrpcHandler }] = await Promise.all([
      import("./app/api/trpc/[trpc]/request-handler"),
      import("./server/trpc-direct"),
    ]);
    publishTrpcHandler(trpcRequestHandler);
  }
}
